package com.labelmint.auth.telegram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Telegram's side of the protocol, written again from TELEGRAM.md and independent of the code
 * under test, so that the tests do not merely agree with themselves.
 */
public final class TelegramTestSigner {

    private TelegramTestSigner() {
    }

    /** {@code fields} plus a valid {@code hash}, URL-encoded in the given order. */
    public static String signInitData(Map<String, String> fields, String botToken) {
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken);
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("hash", HexFormat.of().formatHex(hmac(secret, dataCheckString(fields, "hash"))));
        return encode(signed);
    }

    /** {@code fields} plus a valid Ed25519 {@code signature}, URL-encoded in the given order. */
    static String signThirdParty(Map<String, String> fields, long botId, PrivateKey telegramKey) {
        String message = botId + ":WebAppData\n" + dataCheckString(fields, "hash", "signature");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(telegramKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            Map<String, String> signed = new LinkedHashMap<>(fields);
            signed.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
            return encode(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Login Widget's {@code hash} for these fields. */
    public static String loginWidgetHash(Map<String, String> fields, String botToken) {
        try {
            byte[] secret = MessageDigest.getInstance("SHA-256").digest(botToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hmac(secret, dataCheckString(fields, "hash")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32 bytes Telegram publishes: the tail of the X.509 encoding. */
    static byte[] rawPublicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String dataCheckString(Map<String, String> fields, String... left) {
        Map<String, String> sorted = new TreeMap<>(fields);
        Arrays.asList(left).forEach(sorted::remove);
        return sorted.entrySet().stream().map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
