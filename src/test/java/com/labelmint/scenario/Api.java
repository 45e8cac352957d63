package com.labelmint.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scenario's one HTTP client: JSON in and out with a bearer token, or a form with a cookie, each request to the
 * next of the instances' base URLs in turn (so a scenario over several instances spreads its people over them). An
 * answer other than the expected status fails the scenario with the answer's body.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final Watcher watcher;

    Api(List<URI> bases) {
        this(bases, Watcher.NOBODY);
    }

    /** @param watcher sees every answer, expected or not (e.g. to tell what an outage did to the requests made during it) */
    Api(List<URI> bases, Watcher watcher) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("The scenario needs at least one base URL");
        }
        this.bases = List.copyOf(bases);
        this.watcher = watcher;
    }

    /** Told of each exchange once it is over: its answer (status 0 when none came) and how long it took. */
    @FunctionalInterface
    interface Watcher {

        Watcher NOBODY = (request, reply, sentAtNanos, tookNanos) -> { };

        /** @param sentAtNanos {@link System#nanoTime()} when the request was sent */
        void answered(HttpRequest request, Reply reply, long sentAtNanos, long tookNanos);
    }

    /** Requests in the name of whoever holds {@code token}. */
    Caller as(String token) {
        return new Caller(token);
    }

    /** Requests of nobody in particular: sign-up, sign-in, Telegram's webhook. */
    Caller anonymous() {
        return new Caller(null);
    }

    /** An answer: its status, the headers that matter here, the body. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            if (body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new ScenarioFailure("Not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst();
        }
    }

    /** The requests of one person (or of nobody). */
    final class Caller {

        private final String token;

        private Caller(String token) {
            this.token = token;
        }

        JsonNode get(String path) {
            return send("GET", path, Map.of(), null, 200).json();
        }

        JsonNode post(String path, Object body) {
            return send("POST", path, Map.of(), body, 200, 201).json();
        }

        JsonNode put(String path, Object body) {
            return send("PUT", path, Map.of(), body, 200).json();
        }

        /**
         * Every item of a paged list ({@code {"items": [...], "next": cursor}}, or the wallet's, which nests it under
         * {@code history}), following the cursor in {@code cursorParameter}.
         */
        List<JsonNode> everyItem(String path, String cursorParameter) {
            List<JsonNode> items = new ArrayList<>();
            String cursor = null;
            do {
                String separator = path.contains("?") ? "&" : "?";
                JsonNode page = get(path + separator + "limit=200" + (cursor == null ? "" : "&" + cursorParameter + "=" + cursor));
                JsonNode list = page.has("history") ? page.get("history") : page;
                list.path("items").forEach(items::add);
                cursor = list.path("next").isTextual() ? URLEncoder.encode(list.get("next").asText(), StandardCharsets.UTF_8) : null;
            } while (cursor != null);
            return items;
        }

        /** A JSON request ({@code body} null: none) whose status must be one of {@code expected}. */
        Reply send(String method, String path, Map<String, String> headers, Object body, int... expected) {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body));
            HttpRequest.Builder request = request(path, headers).method(method, publisher);
            if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
            return exchange(request.build(), expected);
        }

        private HttpRequest.Builder request(String path, Map<String, String> headers) {
            URI base = bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            return request;
        }
    }

    private Reply exchange(HttpRequest request, int... expected) {
        HttpResponse<String> response;
        long sentAt = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            watcher.answered(request, new Reply(0, Map.of(), e.toString()), sentAt, System.nanoTime() - sentAt);
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("Interrupted during " + request.method() + " " + request.uri(), e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        watcher.answered(request, reply, sentAt, System.nanoTime() - sentAt);
        if (expected.length > 0 && Arrays.stream(expected).noneMatch(status -> status == reply.status())) {
            throw new ScenarioFailure(request.method() + " " + request.uri().getPath() + " answered " + reply.status()
                    + " (expected " + Arrays.toString(expected) + "): " + reply.body());
        }
        return reply;
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
