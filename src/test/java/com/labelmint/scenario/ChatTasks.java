package com.labelmint.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The labeling loop in the Telegram chat: {@code /task}, then a press of the topic's button under the task card,
 * which the bot edits into the next task. A card is a bot message whose buttons carry {@code t:} callbacks; a bot
 * message without them that follows {@code /task} or a press says there is no task (none, done, expired, refused).
 */
final class ChatTasks implements TaskChannel {

    /** Updates are handled through the outbox: on a loaded machine its backlog delays the bot's answer by minutes. */
    private static final Duration BOT_ANSWER_TIMEOUT = Duration.ofMinutes(5);

    private final TelegramUser user;
    private Map<String, String> buttons = Map.of();

    ChatTasks(TelegramUser user) {
        this.user = user;
    }

    @Override
    public Optional<String> take() {
        user.write("/task");
        return awaitCard();
    }

    @Override
    public Optional<String> answer(String topic) {
        String button = buttons.get(Dataset.TOPICS.get(topic));
        if (button == null) {
            throw new ScenarioFailure("The task card has no button for " + topic + ": " + buttons);
        }
        user.press(button);
        return awaitCard();
    }

    /** Reads the chat until the bot's answer to the last command or press: a card, or word that there is none. */
    private Optional<String> awaitCard() {
        while (true) {
            TelegramCloud.BotCall call = user.read(BOT_ANSWER_TIMEOUT);
            if (call == null) {
                throw new ScenarioFailure("The bot did not answer chat " + user.chatId() + " within " + BOT_ANSWER_TIMEOUT);
            }
            if (!call.method().equals("sendMessage") && !call.method().startsWith("edit")) {
                continue;
            }
            Map<String, String> offered = call.buttons();
            if (offered.values().stream().anyMatch(data -> data.startsWith("t:"))) {
                buttons = offered;
                return Optional.of(call.text());
            }
            if (isTaskAnswer(call)) {
                buttons = Map.of();
                return Optional.empty();
            }
            // anything else (a notification) is not the bot's answer to this press
        }
    }

    /** The bot's texts for "no task for you" (bot_en.properties: task.none, task.done, answer.expired, task.refused). */
    private static boolean isTaskAnswer(TelegramCloud.BotCall call) {
        String text = call.text();
        return text.startsWith("No tasks for you") || text.startsWith("Thank you! No more tasks") || text.startsWith("This task has expired")
                || text.startsWith("You cannot get tasks now");
    }
}
