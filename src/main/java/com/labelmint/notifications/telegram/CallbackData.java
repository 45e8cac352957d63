package com.labelmint.notifications.telegram;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callback data of the bot's buttons (at most 64 bytes, sent back by the user's device, so untrusted). A task
 * button says only which card and which action: {@code t:<card id>:o<option index>}, {@code t:<card id>:s} (submit)
 * or {@code t:<card id>:k} (skip); what it does is decided by the card's stored row. A language button says the
 * language ({@code l:ru}), which is harmless whoever sends it: it changes the sender's own profile, to a language
 * the bot speaks.
 */
final class CallbackData {

    private static final Pattern CARD = Pattern.compile("t:([A-Za-z0-9_-]{22}):(o(\\d{1,3})|s|k)");
    private static final Pattern LANGUAGE = Pattern.compile("l:([a-z]{2})");

    private CallbackData() {
    }

    enum Action { OPTION, SUBMIT, SKIP }

    /** A press on a task card's button; {@code option} is the option's index for {@link Action#OPTION}. */
    record CardPress(String cardId, Action action, int option) {
    }

    static String option(TaskCard card, int index) {
        return "t:" + card.id() + ":o" + index;
    }

    static String submit(TaskCard card) {
        return "t:" + card.id() + ":s";
    }

    static String skip(TaskCard card) {
        return "t:" + card.id() + ":k";
    }

    static String languageButton(String code) {
        return "l:" + code;
    }

    static Optional<CardPress> cardPress(String data) {
        Matcher match = CARD.matcher(data);
        if (!match.matches()) {
            return Optional.empty();
        }
        if (match.group(3) != null) {
            return Optional.of(new CardPress(match.group(1), Action.OPTION, Integer.parseInt(match.group(3))));
        }
        return Optional.of(new CardPress(match.group(1), "s".equals(match.group(2)) ? Action.SUBMIT : Action.SKIP, -1));
    }

    static Optional<String> chosenLanguage(String data) {
        Matcher match = LANGUAGE.matcher(data);
        return match.matches() && BotTexts.speaks(match.group(1)) ? Optional.of(match.group(1)) : Optional.empty();
    }
}
