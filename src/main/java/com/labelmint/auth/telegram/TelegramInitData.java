package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Mini App {@code initData} query string, decoded but not yet trusted: parsing checks the
 * form only; {@link TelegramInitDataVerifier} checks who signed it.
 */
public final class TelegramInitData {

    private final Map<String, String> fields;

    private TelegramInitData(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Throws {@link TelegramAuthException} with {@link Reason#MALFORMED} for anything but a clean query string. */
    public static TelegramInitData parse(String initData) {
        if (initData == null || initData.isEmpty()) {
            throw malformed("Telegram initData is empty");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : initData.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw malformed("Telegram initData has a pair that is not key=value");
            }
            String key = FormDecoder.decode(pair.substring(0, equals));
            String value = FormDecoder.decode(pair.substring(equals + 1));
            // Which of two copies would be signed and which believed is exactly the confusion an attacker wants.
            if (fields.putIfAbsent(key, value) != null) {
                throw malformed("Telegram initData repeats a field");
            }
        }
        return new TelegramInitData(fields);
    }

    /** Every field, decoded, in the order they came. */
    public Map<String, String> fields() {
        return fields;
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public Optional<String> hash() {
        return field("hash");
    }

    public Optional<String> signature() {
        return field("signature");
    }

    /** Empty when absent; throws MALFORMED when present but not Unix seconds. */
    public Optional<Instant> authDate() {
        return field("auth_date").map(AuthDateWindow::parse);
    }

    /** Empty when absent; throws MALFORMED when present but not a usable user object. */
    public Optional<TelegramUser> user() {
        return field("user").map(TelegramUserJson::read);
    }

    private static TelegramAuthException malformed(String message) {
        return new TelegramAuthException(Reason.MALFORMED, message);
    }
}
