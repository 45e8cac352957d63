package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.auth.api.TelegramProfile;
import java.util.Optional;

/**
 * The parts of Telegram's updates the bot acts on, read from the JSON as it comes; fields Telegram adds later are
 * ignored. Telegram vouches for all of it (the webhook's secret token), except a button's callback data, which the
 * user's device sends back and which is checked where it is used.
 */
final class Incoming {

    private Incoming() {
    }

    /** A message in a chat. {@code text} is null for a photo, a sticker and the like. */
    record Message(long chatId, boolean privateChat, TelegramProfile from, String text) {

        static Optional<Message> of(JsonNode message) {
            JsonNode chat = message.path("chat");
            JsonNode from = message.path("from");
            if (!chat.path("id").isIntegralNumber() || !from.path("id").isIntegralNumber() || from.path("is_bot").asBoolean(false)) {
                return Optional.empty();
            }
            JsonNode text = message.path("text");
            return Optional.of(new Message(chat.get("id").asLong(), "private".equals(chat.path("type").asText()), profile(from),
                    text.isTextual() ? text.asText() : null));
        }
    }

    /** A press on an inline button. {@code messageId} names the message the button was on. */
    record Callback(String id, TelegramProfile from, long chatId, long messageId, String data) {

        static Optional<Callback> of(JsonNode callback) {
            JsonNode message = callback.path("message");
            JsonNode from = callback.path("from");
            if (!callback.path("id").isTextual() || !from.path("id").isIntegralNumber()
                    || !message.path("chat").path("id").isIntegralNumber() || !message.path("message_id").isIntegralNumber()) {
                return Optional.empty();
            }
            return Optional.of(new Callback(callback.get("id").asText(), profile(from), message.get("chat").get("id").asLong(),
                    message.get("message_id").asLong(), callback.path("data").asText("")));
        }
    }

    /** The bot's own membership in a chat changed; in a private chat "kicked" means the user blocked the bot. */
    record MembershipChange(long chatId, String status) {

        static Optional<MembershipChange> of(JsonNode change) {
            JsonNode chatId = change.path("chat").path("id");
            JsonNode status = change.path("new_chat_member").path("status");
            return chatId.isIntegralNumber() && status.isTextual()
                    ? Optional.of(new MembershipChange(chatId.asLong(), status.asText())) : Optional.empty();
        }

        boolean blocked() {
            return "kicked".equals(status) || "left".equals(status);
        }
    }

    private static TelegramProfile profile(JsonNode from) {
        return new TelegramProfile(from.get("id").asLong(), from.path("first_name").asText(""), textOrNull(from, "last_name"),
                textOrNull(from, "username"), textOrNull(from, "language_code"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
