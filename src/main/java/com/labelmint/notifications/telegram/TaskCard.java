package com.labelmint.notifications.telegram;

import com.labelmint.projects.api.LabelSpec;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A task shown in a chat, with what its buttons may do: the user, chat and lease it was made for, the options, and
 * for multiple choice what is ticked so far.
 */
record TaskCard(String id, long chatId, long telegramUserId, UUID accountId, UUID leaseId, List<LabelSpec.Option> options,
                boolean multiple, int minSelected, int maxSelected, Set<String> selected, boolean photo, String state) {

    static final String OPEN = "open";
    static final String ANSWERED = "answered";
    static final String SKIPPED = "skipped";
    static final String CLOSED = "closed";

    boolean open() {
        return OPEN.equals(state);
    }

    /** Whether the button press came from the person and chat the card was shown to. */
    boolean shownTo(long userId, long chat) {
        return telegramUserId == userId && chatId == chat;
    }

    /** The ticked options in the order the project lists them. */
    List<String> selectedInOrder() {
        return options.stream().map(LabelSpec.Option::value).filter(selected::contains).toList();
    }
}
