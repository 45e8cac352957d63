package com.labelmint.auth.telegram;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** The public test vectors of docs/TELEGRAM.md (from aiogram's test suite), verbatim. */
final class TelegramVectors {

    static final String BOT_TOKEN = "42:TEST";

    static final String INIT_DATA = "auth_date=1650385342"
            + "&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&query_id=test"
            + "&hash=46d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e76271182803";

    /** {@code +} for spaces, the id as a string, surrogate-pair escapes in the JSON. */
    static final String INIT_DATA_WITH_PLUS = "auth_date=1650385342"
            + "&user=%7B%22id%22%3A+%22123456789%22%2C+%22first_name%22%3A+%22PlaceholderFirstName%22%2C"
            + "+%22last_name%22%3A+%22PlaceholderLastName+%5Cud83c%5Cuddfa%5Cud83c%5Cudde6%22%2C"
            + "+%22username%22%3A+%22Latand%22%2C+%22language_code%22%3A+%22en%22%2C"
            + "+%22is_premium%22%3A+%22true%22%2C+%22allows_write_to_pm%22%3A+%22true%22%7D&query_id=test"
            + "&hash=b3c8b293f14ad0f7f0abcf769aea1209a72295d30a87eb0e74df855d32e53bfe";

    /** When both initData vectors were signed: judge them at this instant to set the age check aside. */
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1650385342);

    static final long THIRD_PARTY_BOT_ID = 42;

    /** aiogram's own key pair, not Telegram's. */
    static final byte[] THIRD_PARTY_PUBLIC_KEY =
            HexFormat.of().parseHex("4112765021341e5415e772cd65903f6b94e3ea1c2ab669e6d3e18ee2db00da61");

    static final String THIRD_PARTY_SIGNATURE =
            "JQ0JR2tjC65yq_jNZV0wuJVX6J-SWPMV0mprUXG34g-NvxL4RcF1Rz5n4VVo00VRghEUBf5t___uoeb1-jU_Cw";

    static final String THIRD_PARTY_INIT_DATA = "auth_date=1650385342"
            + "&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&query_id=test"
            + "&signature=" + THIRD_PARTY_SIGNATURE;

    static final String WIDGET_BOT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    static final Map<String, String> WIDGET_FIELDS = Map.of(
            "id", "42",
            "first_name", "John",
            "last_name", "Smith",
            "username", "username",
            "photo_url", "https://t.me/i/userpic/320/picname.jpg",
            "auth_date", "1565810688",
            "hash", "c303db2b5a06fe41d23a9b14f7c545cfc11dcc7473c07c9c5034ae60062461ce");

    static final Instant WIDGET_SIGNED_AT = Instant.ofEpochSecond(1565810688);

    private TelegramVectors() {
    }
}
