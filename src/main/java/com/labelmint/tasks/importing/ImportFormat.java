package com.labelmint.tasks.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import com.labelmint.platform.error.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** What an import's body is, from its Content-Type. Bodies are UTF-8 text, always. */
public enum ImportFormat {
    /** One JSON object per line: {@code {"id": "...", "data": {...}, "gold": {...}}}. */
    JSONL,
    /** RFC 4180 with a header row: data field names, plus {@code _id} and {@code _gold}. */
    CSV;

    private static final Set<String> JSON_LINES_TYPES = Set.of("application/x-ndjson", "application/jsonl");

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportFormat fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A CSV value may hold line breaks inside quotes; a JSON line never does. */
    boolean quotedValuesSpanLines() {
        return this == CSV;
    }

    static ImportFormat ofContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            throw unsupported("Send items as application/x-ndjson (or application/jsonl) or as text/csv");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw unsupported("Imports are UTF-8 text; charset " + charset + " is not accepted");
        }
        String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (JSON_LINES_TYPES.contains(essence)) {
            return JSONL;
        }
        if (essence.equals("text/csv")) {
            return CSV;
        }
        throw unsupported("Send items as application/x-ndjson (or application/jsonl) or as text/csv, not " + essence);
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
