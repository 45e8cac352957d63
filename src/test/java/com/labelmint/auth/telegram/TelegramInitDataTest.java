package com.labelmint.auth.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing only: the form of initData, before anyone asks who signed it. */
class TelegramInitDataTest {

    @Test
    void decodesTheFieldsOfTheFirstVector() {
        TelegramInitData data = TelegramInitData.parse(TelegramVectors.INIT_DATA);

        assertThat(data.fields()).containsKeys("auth_date", "user", "query_id", "hash");
        assertThat(data.field("query_id")).contains("test");
        assertThat(data.authDate()).contains(TelegramVectors.SIGNED_AT);
        assertThat(data.signature()).isEmpty();
        assertThat(data.user()).contains(new TelegramUser(42, "Test", null, null, null, false, null));
    }

    @Test
    void plusIsASpaceAndTheIdMayBeAString() {
        TelegramUser user = TelegramInitData.parse(TelegramVectors.INIT_DATA_WITH_PLUS).user().orElseThrow();

        assertThat(user.id()).isEqualTo(123456789L);
        assertThat(user.firstName()).isEqualTo("PlaceholderFirstName");
        assertThat(user.lastName()).isEqualTo("PlaceholderLastName \uD83C\uDDFA\uD83C\uDDE6"); // the flag of Ukraine
        assertThat(user.username()).isEqualTo("Latand");
        assertThat(user.languageCode()).isEqualTo("en");
        assertThat(user.premium()).isTrue();
    }

    @Test
    void theSignedValueKeepsTheJsonEscapesAsTheyCame() {
        // The hash covers the decoded query value, not the JSON's meaning: the backslashes stay.
        String user = TelegramInitData.parse(TelegramVectors.INIT_DATA_WITH_PLUS).field("user").orElseThrow();

        assertThat(user).contains("\"id\": \"123456789\"").contains("PlaceholderLastName \\ud83c\\uddfa");
    }

    @Test
    void allUserFieldsAreReadAndUnknownOnesIgnored() {
        TelegramUser user = parseUser("{\"id\":7,\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"username\":\"ann\","
                + "\"language_code\":\"de\",\"is_premium\":true,\"photo_url\":\"https://t.me/a.jpg\","
                + "\"allows_write_to_pm\":true,\"added_to_attachment_menu\":false,\"nested\":{\"x\":[1]}}");

        assertThat(user).isEqualTo(new TelegramUser(7, "Ann", "Lee", "ann", "de", true, "https://t.me/a.jpg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "[1,2]", "42", "{\"first_name\":\"A\"}", "{\"id\":42}", "{\"id\":42.5,\"first_name\":\"A\"}",
        "{\"id\":-1,\"first_name\":\"A\"}", "{\"id\":0,\"first_name\":\"A\"}", "{\"id\":\"4x\",\"first_name\":\"A\"}",
        "{\"id\":\" 42\",\"first_name\":\"A\"}", "{\"id\":99999999999999999999,\"first_name\":\"A\"}",
        "{\"id\":true,\"first_name\":\"A\"}", "{\"id\":42,\"first_name\":7}",
        "{\"id\":42,\"first_name\":\"A\",\"is_premium\":\"yes\"}", "{\"id\":1,\"id\":2,\"first_name\":\"A\"}",
        "{\"id\":42,\"first_name\":\"A\"} trailing", ""
    })
    void aUserThatIsNotAUsableObjectIsMalformed(String json) {
        assertThatThrownBy(() -> parseUser(json)).isInstanceOf(TelegramAuthException.class)
                .extracting("reason").isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "&", "a=1&", "&a=1", "a=1&&b=2", "=1", "novalue", "a=1&b", "a=1&a=2", "a=1&%61=2", "a=%", "a=%4",
        "a=%zz", "a=%+1", "a=%FF", "a=b c", "a=b\tc", "a=b\u007fc", "a=%C3%28", "a=%ED%A0%80", "a=\u00e9",
        "\u0661=1", "a=%\u0664\u0661"
    })
    void anythingButACleanQueryStringIsMalformed(String initData) {
        assertThatThrownBy(() -> TelegramInitData.parse(initData)).isInstanceOf(TelegramAuthException.class)
                .extracting("reason").isEqualTo(Reason.MALFORMED);
    }

    @Test
    void nullIsMalformedNotANullPointer() {
        assertThatThrownBy(() -> TelegramInitData.parse(null)).isInstanceOf(TelegramAuthException.class)
                .extracting("reason").isEqualTo(Reason.MALFORMED);
    }

    @Test
    void emptyValuesAndEqualsSignsInValuesAreKept() {
        TelegramInitData data = TelegramInitData.parse("a=&b=x%3Dy=z&c=%2B+%20");

        assertThat(data.fields()).containsEntry("a", "").containsEntry("b", "x=y=z").containsEntry("c", "+  ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.5", "abc", "1650385342000000", " 1650385342"})
    void anAuthDateThatIsNotUnixSecondsIsMalformed(String authDate) {
        TelegramInitData data = TelegramInitData.parse("auth_date=" + URLEncoder.encode(authDate, StandardCharsets.UTF_8));

        assertThatThrownBy(data::authDate).isInstanceOf(TelegramAuthException.class)
                .extracting("reason").isEqualTo(Reason.MALFORMED);
    }

    @Test
    void theMessageNeverRepeatsTheData() {
        assertThatThrownBy(() -> TelegramInitData.parse("hash=secretvalue&hash=secretvalue"))
                .hasMessageNotContaining("secretvalue");
    }

    private static TelegramUser parseUser(String json) {
        return TelegramInitData.parse("user=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).user().orElseThrow();
    }
}
