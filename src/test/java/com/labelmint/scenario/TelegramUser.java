package com.labelmint.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.auth.telegram.TelegramTestSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A person in a private chat with the bot: what they write and press reaches the application as Telegram delivers
 * it (an update to the webhook, with the secret), what the bot sends them arrives in their chat at the
 * {@link TelegramCloud}, and they open the Mini App with {@code initData} signed as Telegram signs it.
 */
final class TelegramUser {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(100_000_000L);
    private static final AtomicLong CALLBACK_IDS = new AtomicLong(1);

    private final long id;
    private final String firstName;
    private final Api api;
    private final TelegramCloud cloud;

    TelegramUser(long id, String firstName, Api api, TelegramCloud cloud) {
        this.id = id;
        this.firstName = firstName;
        this.api = api;
        this.cloud = cloud;
    }

    long chatId() {
        return id; // a private chat has the user's id
    }

    void write(String text) {
        ObjectNode update = Api.JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = update.putObject("message").put("message_id", UPDATE_IDS.get() % 1_000_000)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("from", from());
        message.putObject("chat").put("id", chatId()).put("first_name", firstName).put("type", "private");
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("offset", 0).put("length", text.split(" ")[0].length()).put("type", "bot_command");
        }
        deliver(update);
    }

    /** Presses a button under the bot's message (the stand-in numbers every message 777). */
    void press(String callbackData) {
        ObjectNode update = Api.JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode callback = update.putObject("callback_query").put("id", Long.toString(CALLBACK_IDS.incrementAndGet()))
                .put("chat_instance", "-4432918832412").put("data", callbackData);
        callback.set("from", from());
        ObjectNode message = callback.putObject("message").put("message_id", 777).put("date", Instant.now().getEpochSecond()).put("text", "a task");
        message.putObject("chat").put("id", chatId()).put("first_name", firstName).put("type", "private");
        deliver(update);
    }

    /** The next thing the bot sent to this chat that the user has not read, within {@code timeout}; null if none. */
    TelegramCloud.BotCall read(Duration timeout) {
        return cloud.nextCall(chatId(), timeout);
    }

    /** Opens the Mini App: signs in with signed {@code initData}; the access token. */
    String openMiniApp() {
        String user = Api.write(Map.of("id", id, "first_name", firstName, "language_code", "en"));
        String initData = TelegramTestSigner.signInitData(Map.of("auth_date", Long.toString(Instant.now().getEpochSecond()),
                "query_id", "scenario-" + id, "user", user), TelegramCloud.BOT_TOKEN);
        return api.anonymous().post("/api/v1/auth/telegram/webapp", Map.of("initData", initData)).get("accessToken").asText();
    }

    private ObjectNode from() {
        return Api.JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName).put("language_code", "en");
    }

    private void deliver(ObjectNode update) {
        // Telegram sends an update again when its delivery failed; the webhook stores each update_id once
        api.anonymous().repeatable().send("POST", "/telegram/webhook", Map.of("X-Telegram-Bot-Api-Secret-Token", TelegramCloud.WEBHOOK_SECRET),
                update.toString(), 200);
    }
}
