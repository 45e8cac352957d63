package com.labelmint.auth.telegram;

import static com.labelmint.auth.telegram.AuthDateWindow.DEFAULT_MAX_AGE;
import static com.labelmint.auth.telegram.TelegramVectors.BOT_TOKEN;
import static com.labelmint.auth.telegram.TelegramVectors.INIT_DATA;
import static com.labelmint.auth.telegram.TelegramVectors.INIT_DATA_WITH_PLUS;
import static com.labelmint.auth.telegram.TelegramVectors.SIGNED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first-party (HMAC) check of Mini App initData. */
class TelegramInitDataVerifierTest {

    private static final String USER_42 = "{\"id\":42,\"first_name\":\"Test\"}";

    private final TelegramInitDataVerifier verifier = new TelegramInitDataVerifier();
    private final Instant now = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void theFirstVectorIsValid() {
        VerifiedInitData verified = verifier.verify(INIT_DATA, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT);

        assertThat(verified.user()).isEqualTo(new TelegramUser(42, "Test", null, null, null, false, null));
        assertThat(verified.authDate()).isEqualTo(SIGNED_AT);
        assertThat(verified.data().field("query_id")).contains("test");
    }

    @Test
    void theVectorWithPlusForSpacesIsValid() {
        VerifiedInitData verified = verifier.verify(INIT_DATA_WITH_PLUS, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT);

        assertThat(verified.user().id()).isEqualTo(123456789L);
        assertThat(verified.user().username()).isEqualTo("Latand");
    }

    @Test
    void theFirstVectorWithAnotherTokenIsABadHash() {
        assertRefused(() -> verifier.verify(INIT_DATA, "42:INVALID", DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void theVectorsAreStaleToday() {
        assertRefused(() -> verifier.verify(INIT_DATA, BOT_TOKEN, DEFAULT_MAX_AGE, Instant.now()), Reason.STALE);
        assertRefused(() -> verifier.verify(INIT_DATA_WITH_PLUS, BOT_TOKEN, DEFAULT_MAX_AGE, Instant.now()),
                Reason.STALE);
    }

    @Test
    void theThirdPartyVectorHasNoHash() {
        assertRefused(() -> verifier.verify(TelegramVectors.THIRD_PARTY_INIT_DATA, BOT_TOKEN, DEFAULT_MAX_AGE,
                SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void aSignatureFieldIsCoveredByTheHash() {
        String signed = TelegramTestSigner.signInitData(fields("signature", "abc"), BOT_TOKEN);

        assertThat(verifier.verify(signed, BOT_TOKEN, DEFAULT_MAX_AGE, now).data().signature()).contains("abc");
        assertRefused(() -> verifier.verify(signed.replace("signature=abc", "signature=abd"), BOT_TOKEN,
                DEFAULT_MAX_AGE, now), Reason.BAD_HASH);
    }

    @Test
    void aChangedUserIsABadHash() {
        String tampered = INIT_DATA.replace("%22id%22%3A42", "%22id%22%3A43");

        assertRefused(() -> verifier.verify(tampered, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void anAddedFieldIsABadHash() {
        assertRefused(() -> verifier.verify(INIT_DATA + "&start_param=admin", BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT),
                Reason.BAD_HASH);
    }

    @Test
    void aDroppedAuthDateIsABadHash() {
        String tampered = INIT_DATA.replace("auth_date=1650385342&", "");

        assertRefused(() -> verifier.verify(tampered, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void signedDataWithoutAuthDateIsMalformed() {
        Map<String, String> fields = fields();
        fields.remove("auth_date");

        assertRefused(() -> verifier.verify(TelegramTestSigner.signInitData(fields, BOT_TOKEN), BOT_TOKEN,
                DEFAULT_MAX_AGE, now), Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&query_id=test", "&query_id=other", "&hash=46d2ea5e"})
    void aDuplicateKeyIsMalformed(String duplicate) {
        assertRefused(() -> verifier.verify(INIT_DATA + duplicate, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT),
                Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "zz d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e76271182803",
        "46D2EA5E32911EC8D30999B56247654460C0D20949B6277AF519E76271182803",
        "46d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e7627118280",
        "46d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e762711828033",
        ""
    })
    void aHashThatIsNotExactlyTheLowerCaseHexIsBad(String hash) {
        String tampered = INIT_DATA.replace("46d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e76271182803",
                hash.replace(' ', '+'));

        assertRefused(() -> verifier.verify(tampered, BOT_TOKEN, DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void noHashIsABadHash() {
        String unsigned = TelegramTestSigner.encode(fields());

        assertRefused(() -> verifier.verify(unsigned, BOT_TOKEN, DEFAULT_MAX_AGE, now), Reason.BAD_HASH);
    }

    @Test
    void emptyAndNullAreMalformed() {
        assertRefused(() -> verifier.verify("", BOT_TOKEN, DEFAULT_MAX_AGE, now), Reason.MALFORMED);
        assertRefused(() -> verifier.verify(null, BOT_TOKEN, DEFAULT_MAX_AGE, now), Reason.MALFORMED);
    }

    @Test
    void garbageIsRefusedWithOurExceptionOnly() {
        Random random = new Random(20260301);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            String garbage = i % 2 == 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : new String(bytes, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> verifier.verify(garbage, BOT_TOKEN, DEFAULT_MAX_AGE, now))
                    .isInstanceOf(TelegramAuthException.class);
        }
    }

    @Test
    void aValueRecutAcrossTheNewlineIsMalformed() {
        // Same data-check-string, hence the same valid hash, with the fields cut differently:
        // "query_id=test\nuser=..." carried as one query_id whose value swallows the user line.
        String signed = TelegramTestSigner.signInitData(fields(), BOT_TOKEN);
        TelegramInitData data = TelegramInitData.parse(signed);
        Map<String, String> recut = new LinkedHashMap<>();
        recut.put("auth_date", data.field("auth_date").orElseThrow());
        recut.put("query_id", "test\nuser=" + USER_42);
        recut.put("hash", data.hash().orElseThrow());

        assertRefused(() -> verifier.verify(TelegramTestSigner.encode(recut), BOT_TOKEN, DEFAULT_MAX_AGE, now),
                Reason.MALFORMED);
    }

    @Test
    void authenticDataWithoutAUserIsMissingUser() {
        Map<String, String> fields = fields();
        fields.remove("user");

        assertRefused(() -> verifier.verify(TelegramTestSigner.signInitData(fields, BOT_TOKEN), BOT_TOKEN,
                DEFAULT_MAX_AGE, now), Reason.MISSING_USER);
    }

    @Test
    void authenticDataWithAnUnreadableUserIsMalformed() {
        String signed = TelegramTestSigner.signInitData(fields("user", "{\"id\":\"forty-two\"}"), BOT_TOKEN);

        assertRefused(() -> verifier.verify(signed, BOT_TOKEN, DEFAULT_MAX_AGE, now), Reason.MALFORMED);
    }

    @Test
    void dataExactlyMaxAgeOldPassesAndASecondMoreIsStale() {
        String signed = TelegramTestSigner.signInitData(fields(), BOT_TOKEN);
        Duration maxAge = Duration.ofMinutes(5);

        assertThat(verifier.verify(signed, BOT_TOKEN, maxAge, now.plus(maxAge)).user().id()).isEqualTo(42);
        assertRefused(() -> verifier.verify(signed, BOT_TOKEN, maxAge, now.plus(maxAge).plusSeconds(1)),
                Reason.STALE);
    }

    @Test
    void aMinuteOfClockSkewPassesAndMoreIsFuture() {
        String signed = TelegramTestSigner.signInitData(fields(), BOT_TOKEN);

        assertThat(verifier.verify(signed, BOT_TOKEN, DEFAULT_MAX_AGE, now.minusSeconds(60)).user().id()).isEqualTo(42);
        assertRefused(() -> verifier.verify(signed, BOT_TOKEN, DEFAULT_MAX_AGE, now.minusSeconds(61)), Reason.FUTURE);
    }

    @Test
    void aHugeMaxAgeDoesNotOverflow() {
        assertThat(verifier.verify(INIT_DATA, BOT_TOKEN, Duration.ofSeconds(Long.MAX_VALUE), Instant.now()).user().id())
                .isEqualTo(42);
    }

    @Test
    void aBlankTokenIsAConfigurationError() {
        assertThatThrownBy(() -> verifier.verify(INIT_DATA, " ", DEFAULT_MAX_AGE, SIGNED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesNeverCarryTheHashOrTheToken() {
        assertThatThrownBy(() -> verifier.verify(INIT_DATA, "42:INVALID", DEFAULT_MAX_AGE, SIGNED_AT))
                .hasMessageNotContaining("46d2ea5e")
                .hasMessageNotContaining("INVALID")
                .hasMessageNotContaining("query_id");
    }

    /** Valid fields signed {@link #now}, with the given overrides. */
    private Map<String, String> fields(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("auth_date", Long.toString(now.getEpochSecond()));
        fields.put("query_id", "test");
        fields.put("user", USER_42);
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        return fields;
    }

    static void assertRefused(ThrowingCallable verification, Reason reason) {
        assertThatThrownBy(verification).isInstanceOf(TelegramAuthException.class)
                .extracting("reason").isEqualTo(reason);
    }
}
