package com.labelmint.payments.ton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * toncenter answers {@code {"ok": true, "result": …}} or {@code {"ok": false, "error": "…", "code": 429}}, with the
 * HTTP status mostly matching {@code code}; gateways in front of it answer 502/503/504 in HTML.
 */
final class ToncenterErrors {

    private static final int MAX_DETAIL = 300;

    private ToncenterErrors() {
    }

    /** The failure this response stands for, or null when it is a success. */
    static TonApiException classify(String method, HttpResponse<String> response, ObjectMapper json) {
        int status = response.statusCode();
        Optional<JsonNode> body = parse(response.body(), json);
        boolean ok = body.map(node -> node.path("ok").asBoolean(false)).orElse(false);
        if (status == 200 && ok) {
            return null;
        }
        int code = body.map(node -> node.path("code").asInt(status)).orElse(status);
        String error = body.map(node -> node.path("error").asText("")).filter(text -> !text.isEmpty())
                .orElse("HTTP " + status);
        String message = method + ": " + abbreviate(error) + " (HTTP " + status + ")";
        if (status == 429 || code == 429) {
            return new TonApiException(TonApiException.Kind.RATE_LIMITED, status, message, retryAfter(response), null);
        }
        if (status == 401 || status == 403) {
            return new TonApiException(TonApiException.Kind.UNAUTHORIZED, status, message, null, null);
        }
        if (body.isEmpty() || status == 502 || status == 503 || status == 504) {
            return new TonApiException(status >= 500 ? TonApiException.Kind.UNAVAILABLE : TonApiException.Kind.MALFORMED_RESPONSE,
                    status, message, null, null);
        }
        return new TonApiException(TonApiException.Kind.REJECTED, status, message, null, null);
    }

    static JsonNode result(String method, HttpResponse<String> response, ObjectMapper json) {
        JsonNode result = parse(response.body(), json).map(node -> node.path("result")).orElseThrow();
        if (result.isMissingNode()) {
            throw ToncenterJson.malformed(method + " answered ok without a result");
        }
        return result;
    }

    private static Optional<JsonNode> parse(String body, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .flatMap(value -> {
                    try {
                        return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
    }
}
