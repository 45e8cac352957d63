package com.labelmint.auth.telegram;

import static com.labelmint.auth.telegram.AuthDateWindow.DEFAULT_MAX_AGE;
import static com.labelmint.auth.telegram.TelegramInitDataVerifierTest.assertRefused;
import static com.labelmint.auth.telegram.TelegramVectors.WIDGET_BOT_TOKEN;
import static com.labelmint.auth.telegram.TelegramVectors.WIDGET_FIELDS;
import static com.labelmint.auth.telegram.TelegramVectors.WIDGET_SIGNED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Login Widget check: fields of a redirect, HMAC keyed with SHA-256 of the bot token. */
class TelegramLoginWidgetVerifierTest {

    private final TelegramLoginWidgetVerifier verifier = new TelegramLoginWidgetVerifier();

    @Test
    void theVectorIsValid() {
        TelegramUser user = verify(WIDGET_FIELDS);

        assertThat(user).isEqualTo(new TelegramUser(42, "John", "Smith", "username", null, false,
                "https://t.me/i/userpic/320/picname.jpg"));
    }

    @Test
    void theVectorWithoutUsernameIsABadHash() {
        assertRefused(() -> verify(without("username")), Reason.BAD_HASH);
    }

    @Test
    void theVectorIsStaleToday() {
        assertRefused(() -> verifier.verify(WIDGET_FIELDS, WIDGET_BOT_TOKEN, DEFAULT_MAX_AGE, Instant.now()),
                Reason.STALE);
    }

    @Test
    void anotherTokenIsABadHash() {
        assertRefused(() -> verifier.verify(WIDGET_FIELDS, "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew12",
                DEFAULT_MAX_AGE, WIDGET_SIGNED_AT), Reason.BAD_HASH);
    }

    @Test
    void theMiniAppKeyDerivationDoesNotApply() {
        // Same data, HMAC keyed the initData way: must not pass as a widget login.
        Map<String, String> fields = new HashMap<>(without("hash"));
        String initData = TelegramTestSigner.signInitData(fields, WIDGET_BOT_TOKEN);
        fields.put("hash", TelegramInitData.parse(initData).hash().orElseThrow());

        assertRefused(() -> verify(fields), Reason.BAD_HASH);
    }

    @Test
    void anAddedFieldOrNoHashIsABadHash() {
        Map<String, String> added = new HashMap<>(WIDGET_FIELDS);
        added.put("is_admin", "true");

        assertRefused(() -> verify(added), Reason.BAD_HASH);
        assertRefused(() -> verify(without("hash")), Reason.BAD_HASH);
    }

    @Test
    void signedFieldsWithoutAnIdAreMissingUser() {
        assertRefused(() -> verify(resigned(without("id"))), Reason.MISSING_USER);
    }

    @Test
    void signedFieldsWithANonNumericIdOrNoAuthDateAreMalformed() {
        Map<String, String> textId = new HashMap<>(WIDGET_FIELDS);
        textId.put("id", "42abc");

        assertRefused(() -> verify(resigned(textId)), Reason.MALFORMED);
        assertRefused(() -> verify(resigned(without("auth_date"))), Reason.MALFORMED);
    }

    @Test
    void aNewlineInAValueIsMalformed() {
        Map<String, String> newline = new HashMap<>(WIDGET_FIELDS);
        newline.put("last_name", "Smith\nphoto_url=x");

        assertRefused(() -> verify(resigned(newline)), Reason.MALFORMED);
    }

    @Test
    void aBlankTokenIsAConfigurationError() {
        assertThatThrownBy(() -> verifier.verify(WIDGET_FIELDS, "", DEFAULT_MAX_AGE, WIDGET_SIGNED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TelegramUser verify(Map<String, String> fields) {
        return verifier.verify(fields, WIDGET_BOT_TOKEN, DEFAULT_MAX_AGE, WIDGET_SIGNED_AT);
    }

    private static Map<String, String> without(String key) {
        Map<String, String> fields = new HashMap<>(WIDGET_FIELDS);
        fields.remove(key);
        return fields;
    }

    private static Map<String, String> resigned(Map<String, String> fields) {
        Map<String, String> signed = new HashMap<>(fields);
        signed.put("hash", TelegramTestSigner.loginWidgetHash(fields, WIDGET_BOT_TOKEN));
        return signed;
    }
}
