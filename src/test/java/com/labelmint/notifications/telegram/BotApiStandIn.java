package com.labelmint.notifications.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A local stand-in for the Telegram Bot API (WireMock on loopback): every method answers as Telegram does when it
 * succeeds, unless a test stubs a failure, and every call is recorded for the test to read back. The application
 * under test is pointed at it, with a webhook secret and a bot name of the test's.
 */
public class BotApiStandIn implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_SECRET = "test-webhook-secret_0123456789";
    static final String BOT_USERNAME = "LabelMintTestBot";
    static final String PUBLIC_URL = "https://labelmint.example.org";
    /** The lowest priority: a test's own stub for one chat wins over it. */
    private static final int DEFAULT_PRIORITY = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer server;

    /** One call the application made: the method, its JSON parameters, and when it arrived. */
    record Call(String method, JsonNode params, Instant at) {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathMatching("/bot[^/]+/.+")).atPriority(DEFAULT_PRIORITY).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": true, \"result\": {\"message_id\": 777, \"date\": 1700000000, \"chat\": {\"id\": 1, \"type\": \"private\"}}}")));
        return Map.of(
                "labelmint.telegram.api-url", "http://127.0.0.1:" + server.port(),
                "labelmint.telegram.webhook-secret", WEBHOOK_SECRET,
                "labelmint.telegram.bot-username", BOT_USERNAME,
                "labelmint.telegram.public-url", PUBLIC_URL,
                "labelmint.telegram.send.initial-backoff", "300ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMockServer server() {
        return server;
    }

    /** The calls of one method whose parameters match, oldest first. */
    static List<Call> calls(String method, Predicate<JsonNode> params) {
        return server.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/" + method))).stream()
                .map(request -> new Call(method, body(request), request.getLoggedDate().toInstant()))
                .filter(call -> params.test(call.params()))
                .sorted(Comparator.comparing(Call::at))
                .toList();
    }

    /** The calls of one method to one chat, oldest first. */
    static List<Call> callsTo(String method, long chatId) {
        return calls(method, params -> params.path("chat_id").asLong() == chatId);
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
