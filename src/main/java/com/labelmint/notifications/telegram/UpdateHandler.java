package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.api.TelegramUpdateReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Handles a stored update, once (the event bus's inbox), in the listener's transaction: whatever the bot answers is
 * queued in that transaction too. Messages and button presses are acted on; the bot's membership tells it when a user
 * blocks or unblocks it; every other kind of update (edited messages, channel posts, polls, …) is acknowledged and
 * ignored.
 */
@ApplicationScoped
public class UpdateHandler {

    private final UpdateInbox inbox;
    private final BotCommands commands;
    private final ChatLabeling labeling;
    private final LanguageChoice languages;
    private final TelegramChats chats;
    private final BotCalls calls;
    private final BotTexts texts;
    private final ObjectMapper json;

    UpdateHandler(UpdateInbox inbox, BotCommands commands, ChatLabeling labeling, LanguageChoice languages, TelegramChats chats,
                  BotCalls calls, BotTexts texts, ObjectMapper json) {
        this.inbox = inbox;
        this.commands = commands;
        this.labeling = labeling;
        this.languages = languages;
        this.chats = chats;
        this.calls = calls;
        this.texts = texts;
        this.json = json;
    }

    void on(@Observes TelegramUpdateReceived received) throws JsonProcessingException {
        Optional<String> stored = inbox.load(received.updateId());
        if (stored.isEmpty()) {
            return;
        }
        JsonNode update = json.readTree(stored.get());
        if (update.has("message")) {
            Incoming.Message.of(update.get("message")).ifPresent(commands::handle);
        } else if (update.has("callback_query")) {
            Incoming.Callback.of(update.get("callback_query")).ifPresent(this::pressed);
        } else if (update.has("my_chat_member")) {
            Incoming.MembershipChange.of(update.get("my_chat_member")).ifPresent(this::membershipChanged);
        }
        inbox.handled(received.updateId());
    }

    private void pressed(Incoming.Callback callback) {
        chats.reachable(callback.chatId());
        Optional<CallbackData.CardPress> press = CallbackData.cardPress(callback.data());
        Optional<String> language = CallbackData.chosenLanguage(callback.data());
        if (press.isPresent()) {
            labeling.press(callback, press.get());
        } else if (language.isPresent()) {
            languages.choose(callback, language.get());
        } else {
            calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(BotTexts.languageOf(callback.from()), "callback.invalid"));
        }
    }

    private void membershipChanged(Incoming.MembershipChange change) {
        if (change.blocked()) {
            chats.blocked(change.chatId());
        } else {
            chats.reachable(change.chatId());
        }
    }
}
