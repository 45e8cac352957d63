package com.labelmint.notifications.telegram;

import com.labelmint.auth.api.TelegramProfile;
import com.labelmint.users.api.AccountView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bot's texts, from {@code telegram/bot_<language>.properties} (UTF-8). The language is the profile's, else the
 * one the user's Telegram app reports, else English; a key missing in one language falls back to English.
 */
@ApplicationScoped
public class BotTexts {

    static final String ENGLISH = "en";
    static final List<String> LANGUAGES = List.of(ENGLISH, "ru");

    private final Map<String, Properties> bundles = LANGUAGES.stream().collect(Collectors.toMap(Function.identity(), BotTexts::load));

    public String text(String language, String key, Object... arguments) {
        String pattern = bundles.getOrDefault(language, bundles.get(ENGLISH)).getProperty(key, bundles.get(ENGLISH).getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("No bot text '" + key + "'");
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

    static boolean speaks(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    static String languageOf(AccountView account) {
        return speaks(account.language()) ? account.language() : ENGLISH;
    }

    /** Before there is an account to ask: what the user's Telegram app reports. */
    static String languageOf(TelegramProfile user) {
        String code = user.languageCode() == null ? null : user.languageCode().split("-", 2)[0].toLowerCase(Locale.ROOT);
        return speaks(code) ? code : ENGLISH;
    }

    private static Properties load(String language) {
        String resource = "/telegram/bot_" + language + ".properties";
        try (InputStream in = BotTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
