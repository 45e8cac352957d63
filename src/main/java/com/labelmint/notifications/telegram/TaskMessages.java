package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSpec;
import com.labelmint.tasks.api.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * How a task looks in a chat: the project's name and instructions, the item's fields, and a button per option. An
 * item with an image comes as a photo with that text as caption (asset links are the tasks module's, already
 * resolved; Telegram must be able to fetch them).
 */
@ApplicationScoped
public class TaskMessages {

    /** Instructions are cut so that a photo's caption keeps room for the item itself. */
    private static final int MAX_INSTRUCTIONS = 300;

    private final BotCalls calls;
    private final BotTexts texts;

    TaskMessages(BotCalls calls, BotTexts texts) {
        this.calls = calls;
        this.texts = texts;
    }

    /** Choices are answered with buttons; free text, ratings and boxes need the Mini App. */
    static boolean answerableInChat(Task task) {
        LabelSpec label = task.project().label();
        return label instanceof LabelSpec.SingleChoice || label instanceof LabelSpec.MultipleChoice;
    }

    static Optional<String> photo(Task task) {
        for (DataField field : task.project().dataFields()) {
            JsonNode value = task.item().data().get(field.name());
            if (field.type() == DataField.Type.IMAGE && value != null && value.isTextual() && value.asText().startsWith("http")) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    String text(Task task, TaskCard card, String language) {
        StringBuilder text = new StringBuilder(task.project().name());
        String instructions = task.project().instructions();
        if (instructions != null && !instructions.isBlank()) {
            text.append("\n").append(instructions.length() <= MAX_INSTRUCTIONS ? instructions
                    : instructions.substring(0, MAX_INSTRUCTIONS - 1) + "…");
        }
        text.append("\n");
        for (DataField field : task.project().dataFields()) {
            JsonNode value = task.item().data().get(field.name());
            if (field.type() != DataField.Type.IMAGE && value != null && !value.isNull()) {
                text.append("\n").append(field.name()).append(": ").append(value.isTextual() ? value.asText() : value.toString());
            }
        }
        text.append("\n\n").append(card.multiple() ? texts.text(language, "task.choose.many", card.minSelected(), card.maxSelected())
                : texts.text(language, "task.choose"));
        return text.toString();
    }

    ArrayNode keyboard(TaskCard card, String language) {
        ArrayNode rows = calls.keyboard();
        for (int i = 0; i < card.options().size(); i++) {
            LabelSpec.Option option = card.options().get(i);
            String title = option.title() == null || option.title().isBlank() ? option.value() : option.title();
            if (card.multiple()) {
                title = (card.selected().contains(option.value()) ? "☑ " : "☐ ") + title;
            }
            rows.addArray().add(calls.callbackButton(title, CallbackData.option(card, i)));
        }
        ArrayNode last = rows.addArray();
        if (card.multiple()) {
            last.add(calls.callbackButton(texts.text(language, "task.submit"), CallbackData.submit(card)));
        }
        last.add(calls.callbackButton(texts.text(language, "task.skip"), CallbackData.skip(card)));
        return rows;
    }
}
