package com.labelmint.notifications.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A notification's parameters as stored ({@code jsonb} read as text) back into what templates read. */
public final class StoredParams {

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    private StoredParams() {
    }

    public static Map<String, Object> read(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored notification parameters are not JSON: " + stored, e);
        }
    }
}
