package com.labelmint.notifications.telegram;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates as Telegram sends them, to the application's webhook with the right secret: the real samples of
 * src/test/resources/telegram, and messages and button presses of made-up users with the same shape. Ids are random
 * so that tests sharing a database never meet.
 */
final class TelegramUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));

    private TelegramUpdates() {
    }

    /** A Telegram user in a private chat with the bot (in a private chat the chat id is the user's id). */
    record User(long id, String firstName, String languageCode) {

        static User fresh(String firstName, String languageCode) {
            return new User(ThreadLocalRandom.current().nextLong(3_000_000_000L, 6_000_000_000L), firstName, languageCode);
        }

        long chatId() {
            return id;
        }
    }

    static String fixture(String name) {
        try (InputStream in = TelegramUpdates.class.getResourceAsStream("/telegram/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse deliver(String update) {
        return given().header(WebhookResource.SECRET_HEADER, BotApiStandIn.WEBHOOK_SECRET).contentType(ContentType.JSON).body(update)
                .post("/telegram/webhook").then();
    }

    static String message(User user, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = update.putObject("message").put("message_id", ThreadLocalRandom.current().nextInt(1, 100_000))
                .put("date", 1_700_000_000).put("text", text);
        message.set("from", from(user));
        message.putObject("chat").put("id", user.chatId()).put("first_name", user.firstName()).put("type", "private");
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("offset", 0).put("length", text.split(" ")[0].length()).put("type", "bot_command");
        }
        return update.toString();
    }

    /** {@code presser} presses a button with {@code data} under the bot's message {@code messageId} in {@code chat}'s chat. */
    static String press(User presser, User chat, long messageId, String data) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode callback = update.putObject("callback_query").put("id", Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)))
                .put("chat_instance", "-4432918832412").put("data", data);
        callback.set("from", from(presser));
        ObjectNode message = callback.putObject("message").put("message_id", messageId).put("date", 1_700_000_000).put("text", "a task");
        message.putObject("from").put("id", 5_555_555_555L).put("is_bot", true).put("first_name", "LabelMint")
                .put("username", BotApiStandIn.BOT_USERNAME);
        message.putObject("chat").put("id", chat.chatId()).put("first_name", chat.firstName()).put("type", "private");
        return update.toString();
    }

    /** The bot's membership in the user's chat changed to {@code status} ("kicked" when they block it, "member" when they come back). */
    static String membership(User user, String status) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode change = update.putObject("my_chat_member").put("date", 1_700_000_000);
        change.putObject("chat").put("id", user.chatId()).put("first_name", user.firstName()).put("type", "private");
        change.set("from", from(user));
        change.putObject("old_chat_member").put("status", "member").putObject("user").put("id", 5_555_555_555L).put("is_bot", true)
                .put("first_name", "LabelMint");
        change.putObject("new_chat_member").put("status", status).put("until_date", 0).putObject("user").put("id", 5_555_555_555L)
                .put("is_bot", true).put("first_name", "LabelMint");
        return update.toString();
    }

    private static ObjectNode from(User user) {
        ObjectNode from = JSON.createObjectNode().put("id", user.id()).put("is_bot", false).put("first_name", user.firstName());
        if (user.languageCode() != null) {
            from.put("language_code", user.languageCode());
        }
        return from;
    }
}
