package com.labelmint.auth.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.auth.telegram.TelegramAuthException.Reason;

/**
 * The {@code user} field of initData as a {@link TelegramUser}. Read as a tree and mapped by
 * hand because clients disagree on types ({@code "id": 42} or {@code "id": "42"},
 * {@code "is_premium": true} or {@code "true"}) and Jackson's own coercions are looser than we
 * want (they would truncate {@code 42.5} to an id). Unknown fields are ignored.
 */
final class TelegramUserJson {

    /** Own instance: this is parsing of signed data with fixed settings, not the API's JSON. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TelegramUserJson() {
    }

    static TelegramUser read(String json) {
        JsonNode user;
        try {
            user = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("is not JSON");
        }
        if (user == null || !user.isObject()) {
            throw malformed("is not a JSON object");
        }
        String firstName = text(user, "first_name");
        if (firstName == null) {
            throw malformed("has no first_name");
        }
        return new TelegramUser(id(user.get("id")), firstName, text(user, "last_name"), text(user, "username"),
                text(user, "language_code"), flag(user.get("is_premium")), text(user, "photo_url"));
    }

    private static long id(JsonNode id) {
        if (id != null && id.isIntegralNumber() && id.canConvertToLong() && id.longValue() > 0) {
            return id.longValue();
        }
        if (id != null && id.isTextual()) {
            return TelegramUser.parseId(id.textValue());
        }
        throw malformed("has no valid id");
    }

    private static String text(JsonNode user, String field) {
        JsonNode value = user.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed("has a " + field + " that is not a string");
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw malformed("has an is_premium that is not a boolean");
    }

    private static TelegramAuthException malformed(String what) {
        return new TelegramAuthException(Reason.MALFORMED, "Telegram user " + what);
    }
}
