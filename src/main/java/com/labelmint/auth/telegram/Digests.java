package com.labelmint.auth.telegram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash functions of Telegram's HMAC checks, and the one safe way to compare their result. */
final class Digests {

    private Digests() {
    }

    static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] sha256(String message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code hash} is the lower-case hex of {@code mac}, as Telegram writes it. Compared in
     * constant time so that response timing cannot reveal how many leading characters were right;
     * exact text, not decoded bytes, so that no second spelling of a valid hash is accepted.
     */
    static boolean matchesHex(byte[] mac, String hash) {
        if (hash == null) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(mac).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, hash.getBytes(StandardCharsets.UTF_8));
    }
}
