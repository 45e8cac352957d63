package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/** The Bot API calls the bot makes, as queued calls: each builds the method's parameters and hands them to the queue. */
@ApplicationScoped
public class BotCalls {

    /** Telegram's limits: a message's text, and a photo's caption. */
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private final OutgoingMessages outgoing;
    private final ObjectMapper json;

    BotCalls(OutgoingMessages outgoing, ObjectMapper json) {
        this.outgoing = outgoing;
        this.json = json;
    }

    /** An inline keyboard: rows of buttons. */
    public ArrayNode keyboard() {
        return json.createArrayNode();
    }

    public ObjectNode callbackButton(String text, String data) {
        return json.createObjectNode().put("text", text).put("callback_data", data);
    }

    public ObjectNode urlButton(String text, String url) {
        return json.createObjectNode().put("text", text).put("url", url);
    }

    public void sendMessage(long chatId, String text, ArrayNode keyboard) {
        outgoing.message(chatId, "sendMessage", withKeyboard(json.createObjectNode().put("chat_id", chatId)
                .put("text", shortened(text, MAX_TEXT)), keyboard));
    }

    public void sendPhoto(long chatId, String photoUrl, String caption, ArrayNode keyboard) {
        outgoing.message(chatId, "sendPhoto", withKeyboard(json.createObjectNode().put("chat_id", chatId).put("photo", photoUrl)
                .put("caption", shortened(caption, MAX_CAPTION)), keyboard));
    }

    /** Stops the button's spinner; {@code text}, if any, shows briefly on the user's screen. */
    public void answerCallbackQuery(long chatId, String callbackId, String text) {
        ObjectNode params = json.createObjectNode().put("callback_query_id", callbackId);
        if (text != null) {
            params.put("text", text);
        }
        outgoing.reply(chatId, "answerCallbackQuery", params);
    }

    public void editMessageText(long chatId, long messageId, String text, ArrayNode keyboard) {
        outgoing.reply(chatId, "editMessageText", withKeyboard(message(chatId, messageId).put("text", shortened(text, MAX_TEXT)), keyboard));
    }

    public void editMessageCaption(long chatId, long messageId, String caption, ArrayNode keyboard) {
        outgoing.reply(chatId, "editMessageCaption", withKeyboard(message(chatId, messageId)
                .put("caption", shortened(caption, MAX_CAPTION)), keyboard));
    }

    /** Replaces a photo message's picture and caption. */
    public void editMessagePhoto(long chatId, long messageId, String photoUrl, String caption, ArrayNode keyboard) {
        ObjectNode media = json.createObjectNode().put("type", "photo").put("media", photoUrl).put("caption", shortened(caption, MAX_CAPTION));
        ObjectNode params = message(chatId, messageId);
        params.set("media", media);
        outgoing.reply(chatId, "editMessageMedia", withKeyboard(params, keyboard));
    }

    /** Replaces the buttons; an empty keyboard removes them. */
    public void editMessageReplyMarkup(long chatId, long messageId, ArrayNode keyboard) {
        ObjectNode params = message(chatId, messageId);
        params.set("reply_markup", json.createObjectNode().set("inline_keyboard", keyboard));
        outgoing.reply(chatId, "editMessageReplyMarkup", params);
    }

    private ObjectNode message(long chatId, long messageId) {
        return json.createObjectNode().put("chat_id", chatId).put("message_id", messageId);
    }

    private ObjectNode withKeyboard(ObjectNode params, ArrayNode keyboard) {
        if (keyboard != null && !keyboard.isEmpty()) {
            params.set("reply_markup", json.createObjectNode().set("inline_keyboard", keyboard));
        }
        return params;
    }

    private static String shortened(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
