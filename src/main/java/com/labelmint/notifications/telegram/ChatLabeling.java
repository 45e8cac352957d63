package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.tasks.api.Task;
import com.labelmint.tasks.api.TasksApi;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Labeling in a chat: a task arrives as a card with a button per option; a press answers it through the tasks
 * module (the same lease, deadline and one-answer rules as the REST API), is acknowledged, and the card becomes the
 * next task.
 *
 * <p>The tasks module is called in a transaction of its own, so that its refusals (an expired lease, an answer that
 * does not fit) can be told to the user instead of rolling back the whole update. Both calls are safe to repeat
 * when the update is handled again after a crash: the same answer under the same lease is no error, and "next"
 * returns the lease the labeler already holds.
 */
@ApplicationScoped
public class ChatLabeling {

    private final TasksApi tasks;
    private final UsersApi users;
    private final TaskCards cards;
    private final TaskMessages messages;
    private final BotCalls calls;
    private final BotTexts texts;
    private final ObjectMapper json;

    ChatLabeling(TasksApi tasks, UsersApi users, TaskCards cards, TaskMessages messages, BotCalls calls, BotTexts texts, ObjectMapper json) {
        this.tasks = tasks;
        this.users = users;
        this.cards = cards;
        this.messages = messages;
        this.calls = calls;
        this.texts = texts;
        this.json = json;
    }

    /** /task: the labeler's next task as a new message. */
    public void offer(AccountView account, long chatId, long telegramUserId) {
        String language = BotTexts.languageOf(account);
        Optional<Task> next;
        try {
            next = next(account.id());
        } catch (ProblemException refused) {
            calls.sendMessage(chatId, texts.text(language, "task.refused", refused.problem().detail()), null);
            return;
        }
        if (next.isEmpty()) {
            calls.sendMessage(chatId, texts.text(language, "task.none"), null);
        } else if (!TaskMessages.answerableInChat(next.get())) {
            calls.sendMessage(chatId, texts.text(language, "task.mini.app"), null);
        } else {
            Task task = next.get();
            Optional<String> photo = TaskMessages.photo(task);
            TaskCard card = cards.create(chatId, telegramUserId, account.id(), task.leaseId(), task.project().label(), photo.isPresent());
            send(task, card, photo, language);
        }
    }

    /** A press on a task card's button. Anything but the open card's own user in its own chat only gets an error notice. */
    public void press(Incoming.Callback callback, CallbackData.CardPress press) {
        Optional<TaskCard> found = cards.lock(press.cardId());
        if (found.isEmpty() || !found.get().shownTo(callback.from().id(), callback.chatId()) || !found.get().open()) {
            calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(BotTexts.languageOf(callback.from()), "callback.invalid"));
            return;
        }
        TaskCard card = found.get();
        String language = users.find(card.accountId()).map(BotTexts::languageOf).orElse(BotTexts.ENGLISH);
        switch (press.action()) {
            case OPTION:
                if (press.option() >= card.options().size()) {
                    calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(language, "callback.invalid"));
                } else if (card.multiple()) {
                    toggle(callback, card, card.options().get(press.option()).value(), language);
                } else {
                    answer(callback, card, json.createObjectNode().put("value", card.options().get(press.option()).value()), language);
                }
                break;
            case SUBMIT:
                if (card.multiple()) {
                    JsonNode answer = json.createObjectNode().set("values", json.valueToTree(card.selectedInOrder()));
                    answer(callback, card, answer, language);
                } else {
                    calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(language, "callback.invalid"));
                }
                break;
            default:
                skip(callback, card, language);
        }
    }

    private void toggle(Incoming.Callback callback, TaskCard card, String value, String language) {
        Set<String> selected = new HashSet<>(card.selected());
        if (!selected.remove(value)) {
            selected.add(value);
        }
        TaskCard ticked = cards.select(card, selected);
        calls.answerCallbackQuery(callback.chatId(), callback.id(), null);
        calls.editMessageReplyMarkup(callback.chatId(), callback.messageId(), messages.keyboard(ticked, language));
    }

    private void answer(Incoming.Callback callback, TaskCard card, JsonNode answer, String language) {
        settle(callback, card, () -> tasks.answer(card.accountId(), card.leaseId(), answer), TaskCard.ANSWERED, "answer.saved", language);
    }

    private void skip(Incoming.Callback callback, TaskCard card, String language) {
        settle(callback, card, () -> tasks.skip(card.accountId(), card.leaseId()), TaskCard.SKIPPED, "answer.skipped", language);
    }

    /** Answers or skips through the tasks module; done, the card ends and its message shows the next task. */
    private void settle(Incoming.Callback callback, TaskCard card, Runnable inTasks, String ending, String notice, String language) {
        try {
            QuarkusTransaction.requiringNew().run(inTasks);
        } catch (ProblemException refused) {
            refusal(callback, card, refused, language);
            return;
        }
        cards.end(card, ending);
        calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(language, notice));
        showNextInPlace(callback, card, language);
    }

    /**
     * An answer that does not fit (too few options ticked) leaves the card open to fix it; a lease that is gone or
     * answered otherwise closes it.
     */
    private void refusal(Incoming.Callback callback, TaskCard card, ProblemException refused, String language) {
        int status = refused.problem().status();
        if (status == 400) {
            calls.answerCallbackQuery(callback.chatId(), callback.id(), texts.text(language, "answer.refused", refused.problem().detail()));
            return;
        }
        cards.end(card, TaskCard.CLOSED);
        String notice = status == 410 || status == 404 ? texts.text(language, "answer.expired")
                : texts.text(language, "answer.refused", refused.problem().detail());
        calls.answerCallbackQuery(callback.chatId(), callback.id(), notice);
        calls.editMessageReplyMarkup(callback.chatId(), callback.messageId(), calls.keyboard());
    }

    /**
     * The answered card's message becomes the next task. Telegram edits a text message's text and a photo message's
     * photo and caption, but cannot turn one kind into the other: then the old message loses its buttons and the
     * next task comes as a new message.
     */
    private void showNextInPlace(Incoming.Callback callback, TaskCard previous, String language) {
        Optional<Task> next;
        String closing = null;
        try {
            next = next(previous.accountId());
            if (next.isEmpty()) {
                closing = texts.text(language, "task.done");
            } else if (!TaskMessages.answerableInChat(next.get())) {
                closing = texts.text(language, "task.mini.app");
            }
        } catch (ProblemException refused) {
            next = Optional.empty();
            closing = texts.text(language, "task.refused", refused.problem().detail());
        }
        long chatId = callback.chatId();
        long messageId = callback.messageId();
        if (closing != null) {
            if (previous.photo()) {
                calls.editMessageCaption(chatId, messageId, closing, calls.keyboard());
            } else {
                calls.editMessageText(chatId, messageId, closing, calls.keyboard());
            }
            return;
        }
        Task task = next.get();
        Optional<String> photo = TaskMessages.photo(task);
        TaskCard card = cards.create(chatId, previous.telegramUserId(), previous.accountId(), task.leaseId(), task.project().label(),
                photo.isPresent());
        if (previous.photo() != photo.isPresent()) {
            calls.editMessageReplyMarkup(chatId, messageId, calls.keyboard());
            send(task, card, photo, language);
        } else if (photo.isPresent()) {
            calls.editMessagePhoto(chatId, messageId, photo.get(), messages.text(task, card, language), messages.keyboard(card, language));
        } else {
            calls.editMessageText(chatId, messageId, messages.text(task, card, language), messages.keyboard(card, language));
        }
    }

    private void send(Task task, TaskCard card, Optional<String> photo, String language) {
        if (photo.isPresent()) {
            calls.sendPhoto(card.chatId(), photo.get(), messages.text(task, card, language), messages.keyboard(card, language));
        } else {
            calls.sendMessage(card.chatId(), messages.text(task, card, language), messages.keyboard(card, language));
        }
    }

    private Optional<Task> next(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> tasks.next(accountId));
    }
}
