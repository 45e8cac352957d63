package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.util.regex.Pattern;

/**
 * A Telegram user as Telegram vouched for it. Only {@code id} and {@code firstName} are always
 * present; the other strings are null when Telegram did not send them.
 */
public record TelegramUser(long id, String firstName, String lastName, String username, String languageCode,
                           boolean premium, String photoUrl) {

    private static final Pattern POSITIVE_DECIMAL = Pattern.compile("[1-9][0-9]{0,18}");

    /** A user id written as text, as the Login Widget sends it and some clients put it in JSON. */
    static long parseId(String text) {
        if (text == null || !POSITIVE_DECIMAL.matcher(text).matches()) {
            throw new TelegramAuthException(Reason.MALFORMED, "Telegram user id is not a positive integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TelegramAuthException(Reason.MALFORMED, "Telegram user id is out of range");
        }
    }
}
