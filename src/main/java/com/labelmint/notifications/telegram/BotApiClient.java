package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.telegram.BotApiResult.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls one Bot API method ({@code POST <api-url>/bot<token>/<method>} with a JSON body) and sorts the answer. It does
 * not retry or wait: the outgoing queue decides that from the {@link BotApiResult}. The URL holds the bot token, so it
 * is never logged or put in an error.
 */
@ApplicationScoped
public class BotApiClient {

    private final TelegramBotConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    BotApiClient(TelegramBotConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.send().requestTimeout()).build();
    }

    /** Whether there is a token to call with; without one the bot stays silent. */
    public boolean configured() {
        return config.botToken().filter(token -> !token.isBlank()).isPresent();
    }

    public BotApiResult call(String method, JsonNode params) {
        String token = config.botToken().filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("labelmint.telegram.bot-token is not set"));
        String base = config.apiUrl().toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                .timeout(config.send().requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return BotApiResult.failed(Outcome.TRANSIENT, method + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BotApiResult.failed(Outcome.TRANSIENT, method + ": interrupted");
        }
        return sorted(method, response.statusCode(), response.body());
    }

    private BotApiResult sorted(String method, int status, String body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            return BotApiResult.failed(Outcome.TRANSIENT, method + ": HTTP " + status + " without a Bot API answer");
        }
        if (status == 200 && answer.path("ok").asBoolean(false)) {
            return BotApiResult.sent(answer.path("result"));
        }
        String description = method + ": " + answer.path("error_code").asInt(status) + " " + answer.path("description").asText("");
        if (status == 429) {
            long seconds = Math.max(1, answer.path("parameters").path("retry_after").asLong(1));
            return new BotApiResult(Outcome.RETRY_AFTER, null, Duration.ofSeconds(seconds), description);
        }
        if (status == 403) {
            return BotApiResult.failed(Outcome.BLOCKED, description);
        }
        if (status >= 500) {
            return BotApiResult.failed(Outcome.TRANSIENT, description);
        }
        // 401 (a wrong token) and 404 are the bot's configuration, not the call: they may heal, so they are retried
        return status == 401 || status == 404 ? BotApiResult.failed(Outcome.TRANSIENT, description)
                : BotApiResult.failed(Outcome.REJECTED, description);
    }
}
