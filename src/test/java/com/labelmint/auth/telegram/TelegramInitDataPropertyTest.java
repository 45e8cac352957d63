package com.labelmint.auth.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random payloads signed the way Telegram signs them must verify, and no single changed
 * character may produce different data that still verifies. The seed is in every failure
 * message; rerun with {@code -Dtelegram.seed=<seed>} to reproduce.
 */
class TelegramInitDataPropertyTest {

    private static final long SEED = Long.getLong("telegram.seed", System.nanoTime());
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final String SUBSTITUTES =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%&=+-_.~!*'()\"{}:,\\ \n\u00e9\u4e2d";
    private static final String NAME_CHARACTERS =
            "abcXYZ019 &=+%#?/\\\"'{}[]:,.-_~\u00e9\u00df\u0416\u4e2d\u05d0\uD83C\uDDFA\uD83C\uDDE6\uD83D\uDE00";

    private final Random random = new Random(SEED);
    private final TelegramInitDataVerifier verifier = new TelegramInitDataVerifier();
    private final Instant now = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void signedPayloadsVerifyAndNoSingleCharacterChangeSurvives() {
        for (int i = 0; i < 200; i++) {
            String botToken = (1 + random.nextInt(Integer.MAX_VALUE)) + ":" + randomFrom(
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 35);
            Map<String, String> fields = randomFields();
            String initData = TelegramTestSigner.signInitData(fields, botToken);

            assertSurvivesNoChange(initData, fields, everyPosition(initData),
                    data -> verifier.verify(data, botToken, MAX_AGE, now));
        }
    }

    @Test
    void thirdPartySignedPayloadsVerifyAndNoSingleCharacterChangeSurvives() {
        KeyPair telegram = TelegramTestSigner.ed25519KeyPair();
        byte[] publicKey = TelegramTestSigner.rawPublicKey(telegram);
        for (int i = 0; i < 20; i++) {
            long botId = 1 + random.nextInt(Integer.MAX_VALUE);
            Map<String, String> fields = randomFields();
            String initData = TelegramTestSigner.signThirdParty(fields, botId, telegram.getPrivate());

            assertSurvivesNoChange(initData, fields, signatureAndSomeOtherPositions(initData),
                    data -> verifier.verifyThirdParty(data, botId, publicKey, MAX_AGE, now));
        }
    }

    /**
     * The payload verifies; each changed character makes it fail with our exception, except where
     * the change only respells a %-escape in the other letter case: the same bytes, so the same
     * data, which is the signed thing.
     */
    private void assertSurvivesNoChange(String initData, Map<String, String> fields, IntStream positions,
                                        Function<String, VerifiedInitData> verification) {
        VerifiedInitData verified = verification.apply(initData);
        assertThat(verified.data().fields()).as("seed %d: %s", SEED, initData).containsAllEntriesOf(fields);

        positions.forEach(position -> {
            char substitute = substituteFor(initData.charAt(position));
            String changed = initData.substring(0, position) + substitute + initData.substring(position + 1);

            Throwable thrown = catchThrowable(() -> verification.apply(changed));
            if (thrown == null) {
                assertThat(isRespelledEscape(initData, position, substitute))
                        .as("seed %d: %s still verifies with position %d changed to '%s'",
                                SEED, initData, position, substitute)
                        .isTrue();
                assertThat(TelegramInitData.parse(changed).fields()).isEqualTo(verified.data().fields());
            } else {
                assertThat(thrown).as("seed %d: %s with position %d changed", SEED, initData, position)
                        .isInstanceOf(TelegramAuthException.class);
            }
        });
    }

    private static IntStream everyPosition(String initData) {
        return IntStream.range(0, initData.length());
    }

    /** Ed25519 in the JDK is slow: every character of the signature, a sample of the rest. */
    private IntStream signatureAndSomeOtherPositions(String initData) {
        int signatureStart = initData.indexOf("signature=") + "signature=".length();
        int signatureEnd = initData.indexOf('&', signatureStart) < 0 ? initData.length()
                : initData.indexOf('&', signatureStart);
        return IntStream.concat(IntStream.range(signatureStart, signatureEnd),
                random.ints(40, 0, initData.length()));
    }

    private Map<String, String> randomFields() {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(Map.entry("auth_date", Long.toString(now.getEpochSecond() - random.nextInt(3600))));
        entries.add(Map.entry("user", randomUserJson()));
        entries.add(Map.entry("query_id", randomFrom("ABCDEFabcdef0123456789", 1 + random.nextInt(24))));
        if (random.nextBoolean()) {
            entries.add(Map.entry("start_param", randomFrom("abcdefXYZ0123456789_-", 1 + random.nextInt(64))));
        }
        if (random.nextBoolean()) {
            entries.add(Map.entry("chat_type", List.of("sender", "private", "group", "supergroup").get(random.nextInt(4))));
        }
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            String key = "x_" + randomFrom("abcdefghij", 1 + random.nextInt(8));
            entries.add(Map.entry(key, randomFrom(NAME_CHARACTERS, random.nextInt(20))));
        }
        Collections.shuffle(entries, random);
        Map<String, String> fields = new LinkedHashMap<>();
        entries.forEach(entry -> fields.putIfAbsent(entry.getKey(), entry.getValue()));
        return fields;
    }

    private String randomUserJson() {
        long id = 1 + (long) (random.nextDouble() * 9_000_000_000L);
        String idJson = random.nextBoolean() ? Long.toString(id) : "\"" + id + "\"";
        return "{\"id\":" + idJson + ",\"first_name\":\"" + jsonEscape(randomFrom(NAME_CHARACTERS, 1 + random.nextInt(20)))
                + "\",\"username\":\"u" + randomFrom("abcdefghijklmnopqrstuvwxyz0123456789_", random.nextInt(20))
                + "\",\"language_code\":\"en\",\"allows_write_to_pm\":true}";
    }

    private String randomFrom(String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int start = random.nextInt(alphabet.length());
            // keep surrogate pairs whole so the text stays valid UTF-16
            if (Character.isLowSurrogate(alphabet.charAt(start))) {
                start--;
            }
            text.appendCodePoint(alphabet.codePointAt(start));
        }
        return text.toString();
    }

    private char substituteFor(char original) {
        char substitute;
        do {
            substitute = SUBSTITUTES.charAt(random.nextInt(SUBSTITUTES.length()));
        } while (substitute == original);
        return substitute;
    }

    private static boolean isRespelledEscape(String initData, int position, char substitute) {
        char original = initData.charAt(position);
        boolean inEscape = position >= 1 && initData.charAt(position - 1) == '%'
                || position >= 2 && initData.charAt(position - 2) == '%';
        return inEscape && Character.toLowerCase(original) == Character.toLowerCase(substitute)
                && Character.digit(original, 16) >= 0;
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
