package com.labelmint.scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's side of the bot, on loopback: the Bot API the application calls (WireMock, every method succeeding as
 * Telegram's does), each call filed under the chat it is for, in the order it came, for the users of the scenario to
 * read (a user reads their chat as it fills) and for the scenario to count at the end.
 */
final class TelegramCloud implements AutoCloseable {

    static final String BOT_TOKEN = "4242:SCENARIO-BOT-TOKEN";
    static final String WEBHOOK_SECRET = "scenario-webhook-secret_0123456789";
    private static final Pattern CHAT_METHOD = Pattern.compile("/bot[^/]+/(\\w+)");

    /** One call of the Bot API to a chat: the method and its parameters. */
    record BotCall(String method, JsonNode params) {

        String text() {
            return params.has("text") ? params.path("text").asText() : params.path("caption").asText();
        }

        /** The inline keyboard's buttons, row by row flattened: title → callback data. */
        Map<String, String> buttons() {
            Map<String, String> buttons = new LinkedHashMap<>();
            params.path("reply_markup").path("inline_keyboard")
                    .forEach(row -> row.forEach(button -> buttons.put(button.path("text").asText(), button.path("callback_data").asText())));
            return buttons;
        }
    }

    private final WireMockServer server;
    private final Map<Long, List<BotCall>> history = new ConcurrentHashMap<>();
    private final Map<Long, BlockingQueue<BotCall>> unread = new ConcurrentHashMap<>();

    TelegramCloud() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        server.stubFor(post(urlPathMatching("/bot[^/]+/.+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": true, \"result\": {\"message_id\": 777, \"date\": 1700000000, \"chat\": {\"id\": 1, \"type\": \"private\"}}}")));
        server.addMockServiceRequestListener((request, response) -> file(request));
        server.start();
    }

    /** The application's settings that point its bot here. */
    Map<String, String> applicationSettings() {
        return Map.of(
                "LABELMINT_TELEGRAM_API_URL", "http://127.0.0.1:" + server.port(),
                "LABELMINT_TELEGRAM_BOT_TOKEN", BOT_TOKEN,
                "LABELMINT_TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "LABELMINT_TELEGRAM_BOT_USERNAME", "LabelMintScenarioBot",
                "LABELMINT_TELEGRAM_PUBLIC_URL", "https://labelmint.example.org");
    }

    /** The next call to {@code chatId} nobody has read yet, waiting up to {@code timeout}; null when none came. */
    BotCall nextCall(long chatId, Duration timeout) {
        try {
            return unread(chatId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("Interrupted while reading chat " + chatId, e);
        }
    }

    /** Every call to {@code chatId} so far, oldest first. */
    List<BotCall> history(long chatId) {
        List<BotCall> calls = history.getOrDefault(chatId, List.of());
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    /**
     * The notifications the bot sent to a chat, by their title (a notification is its title, a blank line and its
     * text, without buttons; the welcome is the only other message of that shape), sorted.
     */
    List<String> notices(long chatId) {
        return history(chatId).stream()
                .filter(call -> call.method().equals("sendMessage") && call.buttons().isEmpty() && call.text().contains("\n\n")
                        && !call.text().startsWith("Welcome to LabelMint"))
                .map(call -> call.text().substring(0, call.text().indexOf("\n\n"))).sorted().toList();
    }

    private void file(Request request) {
        Matcher method = CHAT_METHOD.matcher(request.getUrl());
        if (!method.find()) {
            return;
        }
        JsonNode params;
        try {
            params = Api.JSON.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The application sent the Bot API something that is not JSON: " + request.getBodyAsString(), e);
        }
        if (!params.has("chat_id")) {
            return; // answerCallbackQuery, setWebhook, setMyCommands: nothing a chat shows
        }
        long chatId = params.path("chat_id").asLong();
        BotCall call = new BotCall(method.group(1), params);
        List<BotCall> calls = history.computeIfAbsent(chatId, id -> new ArrayList<>());
        synchronized (calls) {
            calls.add(call);
        }
        unread(chatId).add(call);
    }

    private BlockingQueue<BotCall> unread(long chatId) {
        return unread.computeIfAbsent(chatId, id -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        server.stop();
    }
}
