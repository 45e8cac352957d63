package com.labelmint.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile request parts: random JSON, mutations of a valid body (a field dropped, retyped,
 * filled with an injection string, an unknown field added), raw bodies that are not JSON at all, query strings and
 * header values. The same seed gives the same inputs.
 */
final class HostileInput {

    /** Strings that have broken real services: SQL and template injection, path traversal, control characters. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1' --", "\"; DROP TABLE auth.account; --", "1; SELECT pg_sleep(10)", "{{7*7}}", "${7*7}",
            "{#for x in 1..99999999}{x}{/for}", "#{7*7}", "<script>alert(1)</script>", "../../../../etc/passwd",
            "%00", "\u0000", "\u202Eevil", "😀🏳️‍🌈", "NaN", "-Infinity", "1e309", "0x41", "-1", "0", "", " ",
            "null", "true", "\\", "\"", "%s%s%s%n", "\r\nSet-Cookie: x=1", "UQ" + "A".repeat(46), "USDT", "-0.0000001",
            "99999999999999999999999999999999.999999", "1.0000000001", "2026-02-30T25:61:00Z", "ffffffff-ffff-ffff-ffff-ffffffffffff");
    private static final List<String> QUERY_KEYS = List.of("limit", "offset", "cursor", "status", "q", "page", "size",
            "format", "answers", "method", "kind", "from", "to", "before", "role", "skill", "email");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    HostileInput(long seed) {
        this.random = new Random(seed);
    }

    /** A body for a JSON endpoint: mostly mutations of the valid one (they get past the first checks), some random. */
    String jsonBody(String validBody) {
        int choice = random.nextInt(10);
        if (choice < 6) {
            return write(mutate(read(validBody)));
        }
        if (choice < 8) {
            return write(randomValue(3));
        }
        return rawBody();
    }

    String rawBody() {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[".repeat(50_000) + "]".repeat(50_000);
            case 3 -> "{\"a\":" .repeat(5_000) + "1" + "}".repeat(5_000);
            case 4 -> "\"" + "x".repeat(300_000) + "\"";
            case 5 -> "{\"amount\": 1e999999999}";
            case 6 -> "\uFEFF{\"\\ud800\": \"\\udfff\"}";
            case 7 -> "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/passwd\">]><a>&b;</a>";
            default -> "task,worker,label\n" + "a,".repeat(40_000) + "\n";
        };
    }

    String contentType() {
        return switch (random.nextInt(12)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            case 2 -> "application/json; charset=ISO-8859-1";
            case 3 -> "multipart/form-data; boundary=x";
            case 4 -> "text/csv";
            case 5 -> "application/x-ndjson";
            case 6 -> "invalid";
            default -> "application/json";
        };
    }

    /** A query string of one to three parameters with hostile or out-of-range values, or nothing. */
    String queryString() {
        if (random.nextInt(3) == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        int parameters = 1 + random.nextInt(3);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? "" : "&").append(pick(QUERY_KEYS)).append('=')
                    .append(java.net.URLEncoder.encode(queryValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** A header value (e.g. for Idempotency-Key): empty, huge, non-ASCII, or a hostile string. */
    String headerValue() {
        return switch (random.nextInt(5)) {
            case 0 -> "k".repeat(5_000);
            case 1 -> "ключ-идемпотентности";
            case 2 -> "";
            default -> pick(HOSTILE_STRINGS).replaceAll("[\\r\\n\\u0000]", "");
        };
    }

    private String queryValue() {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Long.toString(Long.MIN_VALUE);
            default -> pick(HOSTILE_STRINGS);
        };
    }

    private JsonNode mutate(JsonNode valid) {
        if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
            return randomValue(2);
        }
        ObjectNode mutated = object.deepCopy();
        List<String> fields = new ArrayList<>();
        mutated.fieldNames().forEachRemaining(fields::add);
        String field = pick(fields);
        switch (random.nextInt(6)) {
            case 0 -> mutated.remove(field);
            case 1 -> mutated.put(field, pick(HOSTILE_STRINGS));
            case 2 -> mutated.set(field, randomValue(2));
            case 3 -> mutated.set(pick(HOSTILE_STRINGS), randomValue(1));
            case 4 -> mutated.set(field, deepArray(900)); // under the writer's limit; rawBody() goes past the reader's
            default -> {
                ArrayNode wrapped = NODES.arrayNode();
                wrapped.add(mutated);
                return wrapped;
            }
        }
        return mutated;
    }

    private JsonNode randomValue(int depth) {
        int kinds = depth <= 0 ? 5 : 7;
        return switch (random.nextInt(kinds)) {
            case 0 -> NODES.textNode(pick(HOSTILE_STRINGS));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? pick(QUERY_KEYS) : pick(HOSTILE_STRINGS), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode deepArray(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a valid seed body: " + body, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
