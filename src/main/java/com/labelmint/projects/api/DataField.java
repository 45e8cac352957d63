package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** One field of an item's data, as imported: its name, what it holds, and whether every item has it. */
public record DataField(String name, Type type, boolean required) {

    public static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,63}";
    /** An image field's value is a URL or {@code asset:<file name>}, a file uploaded to the project. */
    public static final String ASSET_PREFIX = "asset:";

    /** What a field holds. {@code image} is the URL or the asset id of a picture to label. */
    public enum Type {
        TEXT, NUMBER, URL, IMAGE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName().equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("Unknown data field type '" + name + "': expected text, number, url or image");
        }
    }

    /** Why {@code value} (possibly missing) cannot be this field, or empty when it can. */
    public Optional<String> violation(JsonNode value) {
        if (value == null || value.isNull()) {
            return required ? Optional.of("'" + name + "' is required") : Optional.empty();
        }
        switch (type) {
            case NUMBER:
                return value.isNumber() ? Optional.empty() : Optional.of("'" + name + "' must be a number");
            case URL:
                return value.isTextual() && isHttpUrl(value.asText()) ? Optional.empty()
                        : Optional.of("'" + name + "' must be an http(s) URL");
            case IMAGE:
                return value.isTextual() && (isHttpUrl(value.asText()) || isAssetReference(value.asText())) ? Optional.empty()
                        : Optional.of("'" + name + "' must be an http(s) URL or an uploaded file (asset:<file name>)");
            default:
                return value.isTextual() && value.asText().length() <= 100_000 ? Optional.empty()
                        : Optional.of("'" + name + "' must be text of at most 100000 characters");
        }
    }

    private static boolean isHttpUrl(String text) {
        return (text.startsWith("https://") || text.startsWith("http://")) && text.length() <= 2048 && !text.contains(" ");
    }

    /** {@code asset:} and a file name as uploaded: segments that cannot climb out of the project or start with a dot. */
    private static boolean isAssetReference(String text) {
        return text.length() <= ASSET_PREFIX.length() + 255
                && text.matches("asset:[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    }
}
