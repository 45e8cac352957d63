package com.labelmint.miniapp;

import com.labelmint.auth.telegram.TelegramTestSigner;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The Mini App opened the way Telegram opens it: signed initData, the client's version and platform, and the theme in the fragment. */
final class TelegramLaunch {

    /** The test profile's bot token, which Telegram would sign initData with. */
    private static final String BOT_TOKEN = "42:TEST-BOT-TOKEN";
    /** Telegram's dark theme. */
    static final String THEME = "{\"bg_color\":\"#17212b\",\"text_color\":\"#f5f5f5\",\"hint_color\":\"#708499\","
            + "\"link_color\":\"#6ab3f3\",\"button_color\":\"#5288c1\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#232e3c\"}";

    private TelegramLaunch() {
    }

    static long newTelegramUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    /** The address Telegram opens for this user. */
    static String url(URL root, long telegramId) {
        return root + "app#tgWebAppData=" + encode(initData(telegramId)) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android"
                + "&tgWebAppThemeParams=" + encode(THEME);
    }

    /** initData for a Telegram user, signed with the test bot's token as Telegram signs it. */
    static String initData(long telegramId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAH" + telegramId);
        fields.put("user", "{\"id\":" + telegramId + ",\"first_name\":\"Olena\",\"username\":\"olena" + telegramId
                + "\",\"language_code\":\"en\",\"allows_write_to_pm\":true}");
        fields.put("auth_date", Long.toString(System.currentTimeMillis() / 1000));
        return TelegramTestSigner.signInitData(fields, BOT_TOKEN);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
