package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Decides whether Mini App initData really comes from Telegram, and is recent. Two checks:
 * the first-party HMAC, which needs our bot token, and the third-party Ed25519 signature, which
 * needs only the bot id and Telegram's public key.
 */
@ApplicationScoped
public class TelegramInitDataVerifier {

    private static final byte[] WEB_APP_DATA = "WebAppData".getBytes(StandardCharsets.US_ASCII);

    /** Throws {@link TelegramAuthException} for anything but authentic, recent data with a user. */
    public VerifiedInitData verify(String initData, String botToken, Duration maxAge, Instant now) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("A bot token is required"); // else the secret is public
        }
        byte[] secret = Digests.hmacSha256(WEB_APP_DATA, botToken);
        TelegramInitData data = TelegramInitData.parse(initData);
        // The signature field, when there is one, is itself covered by the hash.
        String dataCheckString = DataCheckString.of(data.fields(), Set.of("hash"));
        if (!Digests.matchesHex(Digests.hmacSha256(secret, dataCheckString), data.hash().orElse(null))) {
            throw new TelegramAuthException(Reason.BAD_HASH, "Telegram initData hash is missing or wrong");
        }
        return accept(data, maxAge, now);
    }

    /**
     * The check for when we do not hold the bot's token. Pass
     * {@link TelegramEnvironment#publicKey()} of the environment the bot lives in.
     */
    public VerifiedInitData verifyThirdParty(String initData, long botId, byte[] ed25519PublicKey, Duration maxAge,
                                             Instant now) {
        PublicKey telegram = Ed25519Signatures.publicKey(ed25519PublicKey);
        TelegramInitData data = TelegramInitData.parse(initData);
        byte[] signature = data.signature().map(TelegramInitDataVerifier::decodeSignature)
                .orElseThrow(() -> badSignature("Telegram initData has no signature"));
        String signed = botId + ":WebAppData\n" + DataCheckString.of(data.fields(), Set.of("hash", "signature"));
        if (!Ed25519Signatures.verify(telegram, signed.getBytes(StandardCharsets.UTF_8), signature)) {
            throw badSignature("Telegram initData signature is wrong");
        }
        return accept(data, maxAge, now);
    }

    /** Checks on the content, made only once the data is known to be Telegram's. */
    private static VerifiedInitData accept(TelegramInitData data, Duration maxAge, Instant now) {
        Instant authDate = data.authDate()
                .orElseThrow(() -> new TelegramAuthException(Reason.MALFORMED, "Telegram initData has no auth_date"));
        AuthDateWindow.check(authDate, maxAge, now);
        TelegramUser user = data.user()
                .orElseThrow(() -> new TelegramAuthException(Reason.MISSING_USER, "Telegram initData has no user"));
        return new VerifiedInitData(user, authDate, data);
    }

    /**
     * Unpadded base64url, and only its canonical spelling: the JDK decoder ignores the spare low
     * bits of the last character, so without the round trip several strings would pass as the
     * same signature.
     */
    private static byte[] decodeSignature(String text) {
        try {
            byte[] signature = Base64.getUrlDecoder().decode(text);
            if (Base64.getUrlEncoder().withoutPadding().encodeToString(signature).equals(text)) {
                return signature;
            }
        } catch (IllegalArgumentException e) {
            // not base64url at all: refused below like any other wrong signature
        }
        throw badSignature("Telegram initData signature is not canonical base64url");
    }

    private static TelegramAuthException badSignature(String message) {
        return new TelegramAuthException(Reason.BAD_SIGNATURE, message);
    }
}
