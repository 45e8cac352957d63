package com.labelmint.consensus.api;

import java.util.List;
import java.util.UUID;

/**
 * Everything a reviewer looks at to label an item: its state ({@code review} while it waits), consensus's suggestion
 * (JSON) with its confidence and method, why it needs a person, and every regular answer with its labeler. Once
 * decided, {@code label} is the final label and {@code decidedBy} who gave it.
 */
public record ReviewCase(long itemId, UUID projectId, String projectName, String state, String label, Double confidence,
                         String method, String reason, UUID decidedBy, List<ItemAnswer> answers) {

    public boolean waiting() {
        return "review".equals(state);
    }
}
