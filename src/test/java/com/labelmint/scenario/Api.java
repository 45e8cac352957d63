package com.labelmint.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenario's one HTTP client: JSON in and out with a bearer token, or a form with a cookie, each request to the
 * next of the instances' base URLs in turn (so a scenario over several instances spreads its people over them). An
 * answer other than the expected status fails the scenario with the answer's body.
 *
 * <p>An instance may be dead (killed, and not back yet): a request that could not reach it goes to the next one, as a
 * load balancer would send it. A request that may have reached it goes again only if sending it twice does what
 * sending it once does ({@link #isRepeatable}); any other fails the scenario, since its outcome is unknown.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Rounds over every instance before a request gives up: the chaos never kills the last live instance. */
    private static final int ROUNDS = 3;
    private static final Duration BETWEEN_ROUNDS = Duration.ofMillis(200);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final Watcher watcher;
    private final AtomicLong sentAgain = new AtomicLong();

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
        return new Caller(token, false);
    }

    /** Requests of nobody in particular: sign-up, sign-in, Telegram's webhook. */
    Caller anonymous() {
        return new Caller(null, false);
    }

    /** Requests sent to another instance after a connection failure, so far. */
    long sentAgain() {
        return sentAgain.get();
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
        private final boolean repeatable;

        private Caller(String token, boolean repeatable) {
            this.token = token;
            this.repeatable = repeatable;
        }

        /**
         * The same caller, for POSTs that the product recognises when they come again by what they carry and answers
         * as the first time: an answer under its lease (the same answer again returns the first record), the next task
         * (a labeler's open lease is handed out again), Telegram's update (stored once by its {@code update_id}), a
         * review of an item (a second one is a 409 the caller expects). Only these may be sent again when the first
         * attempt's answer was lost.
         */
        Caller repeatable() {
            return new Caller(token, true);
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
            String text = body == null ? null : body instanceof String string ? string : write(body);
            boolean json = body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase);
            boolean mayRepeat = isRepeatable(method, headers, repeatable);
            int first = turn.getAndIncrement(); // then the next instances in order: each round tries every instance once
            for (int attempt = 1; ; attempt++) {
                URI base = bases.get(Math.floorMod(first + attempt - 1, bases.size()));
                HttpRequest.Builder request = request(base, path, headers)
                        .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
                if (json) {
                    request.header("Content-Type", "application/json");
                }
                Optional<Reply> reply = exchange(request.build(), mayRepeat, attempt < ROUNDS * bases.size(), expected);
                if (reply.isPresent()) {
                    return reply.get();
                }
                sentAgain.incrementAndGet();
                if (attempt % bases.size() == 0) {
                    Poll.sleep(BETWEEN_ROUNDS); // a round over every instance failed: give a restart a moment
                }
            }
        }

        private HttpRequest.Builder request(URI base, String path, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            return request;
        }
    }

    /**
     * Whether a request whose answer was lost may be sent again: the methods HTTP defines as idempotent, a request
     * with an {@code Idempotency-Key} (the product stores the first outcome under it), and a caller's
     * {@link Caller#repeatable() repeatable} POSTs.
     */
    static boolean isRepeatable(String method, Map<String, String> headers, boolean repeatableCaller) {
        return repeatableCaller || IDEMPOTENT_METHODS.contains(method)
                || headers.keySet().stream().anyMatch("Idempotency-Key"::equalsIgnoreCase);
    }

    /**
     * Whether a failed exchange may be tried on the next instance: when the connection was never made, nothing was
     * sent; when it broke (a reset, no bytes back: the instance died under the request), the request may have done
     * its work already, and only a repeatable one may go again. A request that timed out on a live instance is a
     * failure, not a connection failure.
     */
    static boolean mayTryTheNextInstance(IOException failure, boolean repeatable) {
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
            return true;
        }
        return repeatable && !(failure instanceof HttpTimeoutException);
    }

    /** The reply; empty when the request should go to the next instance. */
    private Optional<Reply> exchange(HttpRequest request, boolean repeatable, boolean triesLeft, int... expected) {
        HttpResponse<String> response;
        long sentAt = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            watcher.answered(request, new Reply(0, Map.of(), e.toString()), sentAt, System.nanoTime() - sentAt);
            if (triesLeft && mayTryTheNextInstance(e, repeatable)) {
                return Optional.empty();
            }
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed" + (repeatable ? "" : " (not repeatable)"), e);
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
        return Optional.of(reply);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
