package com.labelmint.auth.telegram;

import static com.labelmint.auth.telegram.AuthDateWindow.DEFAULT_MAX_AGE;
import static com.labelmint.auth.telegram.TelegramInitDataVerifierTest.assertRefused;
import static com.labelmint.auth.telegram.TelegramVectors.SIGNED_AT;
import static com.labelmint.auth.telegram.TelegramVectors.THIRD_PARTY_BOT_ID;
import static com.labelmint.auth.telegram.TelegramVectors.THIRD_PARTY_INIT_DATA;
import static com.labelmint.auth.telegram.TelegramVectors.THIRD_PARTY_PUBLIC_KEY;
import static com.labelmint.auth.telegram.TelegramVectors.THIRD_PARTY_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The third-party (Ed25519) check of Mini App initData, which needs no bot token. */
class TelegramInitDataThirdPartyTest {

    private final TelegramInitDataVerifier verifier = new TelegramInitDataVerifier();

    @Test
    void theVectorIsValid() {
        VerifiedInitData verified = verify(THIRD_PARTY_INIT_DATA);

        assertThat(verified.user()).isEqualTo(new TelegramUser(42, "Test", null, null, null, false, null));
        assertThat(verified.authDate()).isEqualTo(SIGNED_AT);
    }

    @Test
    void theVectorIsStaleToday() {
        assertRefused(() -> verifier.verifyThirdParty(THIRD_PARTY_INIT_DATA, THIRD_PARTY_BOT_ID,
                THIRD_PARTY_PUBLIC_KEY, DEFAULT_MAX_AGE, Instant.now()), Reason.STALE);
    }

    @ParameterizedTest
    @CsvSource({
        "auth_date=1650385342, auth_date=1650385343",
        "%22id%22%3A42, %22id%22%3A43",
        "%22Test%22, %22Tesu%22",
        "query_id=test, query_id=tesu"
    })
    void oneCharacterOfTheDataChangedIsABadSignature(String original, String changed) {
        String tampered = THIRD_PARTY_INIT_DATA.replace(original, changed);

        assertThat(tampered).isNotEqualTo(THIRD_PARTY_INIT_DATA);
        assertRefused(() -> verify(tampered), Reason.BAD_SIGNATURE);
    }

    @Test
    void anyOneCharacterOfTheSignatureChangedIsABadSignature() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < THIRD_PARTY_SIGNATURE.length(); i++) {
            char current = THIRD_PARTY_SIGNATURE.charAt(i);
            char replacement = alphabet.charAt((alphabet.indexOf(current) + 1) % alphabet.length());
            String signature = THIRD_PARTY_SIGNATURE.substring(0, i) + replacement + THIRD_PARTY_SIGNATURE.substring(i + 1);

            assertRefused(() -> verify(THIRD_PARTY_INIT_DATA.replace(THIRD_PARTY_SIGNATURE, signature)),
                    Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void theLastCharacterCannotBeRespelledThoughItDecodesToTheSameBytes() {
        // 'w' and 'x' differ only in the four spare bits that base64 of 64 bytes leaves over.
        String respelled = THIRD_PARTY_SIGNATURE.substring(0, THIRD_PARTY_SIGNATURE.length() - 1) + "x";
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(THIRD_PARTY_SIGNATURE));

        assertRefused(() -> verify(THIRD_PARTY_INIT_DATA.replace(THIRD_PARTY_SIGNATURE, respelled)),
                Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {THIRD_PARTY_SIGNATURE + "%3D%3D", "not+base64", "", "AAAA"})
    void aSignatureThatIsNotCanonicalBase64urlOfTheRightLengthIsBad(String signature) {
        assertRefused(() -> verify(THIRD_PARTY_INIT_DATA.replace(THIRD_PARTY_SIGNATURE, signature)),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void noSignatureIsABadSignature() {
        assertRefused(() -> verify(TelegramVectors.INIT_DATA), Reason.BAD_SIGNATURE);
    }

    @Test
    void telegramsOwnKeysDidNotSignTheVector() {
        for (TelegramEnvironment environment : TelegramEnvironment.values()) {
            assertRefused(() -> verifier.verifyThirdParty(THIRD_PARTY_INIT_DATA, THIRD_PARTY_BOT_ID,
                    environment.publicKey(), DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void anotherBotIdIsABadSignature() {
        assertRefused(() -> verifier.verifyThirdParty(THIRD_PARTY_INIT_DATA, 43, THIRD_PARTY_PUBLIC_KEY,
                DEFAULT_MAX_AGE, SIGNED_AT), Reason.BAD_SIGNATURE);
    }

    @Test
    void theHashIsNotCoveredBySoAnyHashMayRideAlong() {
        // By design of the protocol: the signature leaves the hash out, so it proves nothing here.
        assertThat(verify(THIRD_PARTY_INIT_DATA + "&hash=whatever").user().id()).isEqualTo(42);
    }

    @Test
    void aDuplicateSignatureIsMalformed() {
        assertRefused(() -> verify(THIRD_PARTY_INIT_DATA + "&signature=" + THIRD_PARTY_SIGNATURE), Reason.MALFORMED);
    }

    @Test
    void authenticDataWithoutAUserIsMissingUser() {
        KeyPair telegram = TelegramTestSigner.ed25519KeyPair();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("auth_date", "1650385342");
        fields.put("chat_type", "sender");
        String signed = TelegramTestSigner.signThirdParty(fields, 7, telegram.getPrivate());

        assertRefused(() -> verifier.verifyThirdParty(signed, 7, TelegramTestSigner.rawPublicKey(telegram),
                DEFAULT_MAX_AGE, SIGNED_AT), Reason.MISSING_USER);
    }

    @Test
    void aKeyThatIsNot32BytesIsAConfigurationError() {
        assertThatThrownBy(() -> verifier.verifyThirdParty(THIRD_PARTY_INIT_DATA, THIRD_PARTY_BOT_ID, new byte[31],
                DEFAULT_MAX_AGE, SIGNED_AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void telegramsKeysAreFreshCopies() {
        byte[] key = TelegramEnvironment.PRODUCTION.publicKey();
        key[0] ^= 1;

        assertThat(TelegramEnvironment.PRODUCTION.publicKey()).hasSize(32).isNotEqualTo(key);
    }

    private VerifiedInitData verify(String initData) {
        return verifier.verifyThirdParty(initData, THIRD_PARTY_BOT_ID, THIRD_PARTY_PUBLIC_KEY, DEFAULT_MAX_AGE,
                SIGNED_AT);
    }
}
