package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the fields of a Telegram Login Widget redirect come from Telegram, and are
 * recent. Same data-check-string as initData, but keyed with SHA-256 of the bot token.
 */
@ApplicationScoped
public class TelegramLoginWidgetVerifier {

    /**
     * {@code fields} must hold exactly the parameters Telegram sent (already URL-decoded): any
     * other parameter of ours in the map would be part of the data-check-string and fail it.
     */
    public TelegramUser verify(Map<String, String> fields, String botToken, Duration maxAge, Instant now) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("A bot token is required"); // else the secret is public
        }
        byte[] secret = Digests.sha256(botToken);
        String dataCheckString = DataCheckString.of(fields, Set.of("hash"));
        if (!Digests.matchesHex(Digests.hmacSha256(secret, dataCheckString), fields.get("hash"))) {
            throw new TelegramAuthException(Reason.BAD_HASH, "Telegram login hash is missing or wrong");
        }
        AuthDateWindow.check(AuthDateWindow.parse(fields.get("auth_date")), maxAge, now);
        return user(fields);
    }

    private static TelegramUser user(Map<String, String> fields) {
        if (!fields.containsKey("id") || !fields.containsKey("first_name")) {
            throw new TelegramAuthException(Reason.MISSING_USER, "Telegram login has no user id or first name");
        }
        return new TelegramUser(TelegramUser.parseId(fields.get("id")), fields.get("first_name"),
                fields.get("last_name"), fields.get("username"), null, false, fields.get("photo_url"));
    }
}
