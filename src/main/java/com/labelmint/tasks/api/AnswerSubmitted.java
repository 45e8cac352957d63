package com.labelmint.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A labeler answered an item.
 *
 * @param goldAnswer the item's known answer when it is a gold item (the labeler was never told), else {@code null}
 * @param durationMs from the lease being issued to the answer: how long the labeler looked at the task
 */
public record AnswerSubmitted(UUID eventId, Instant occurredAt, UUID answerId, UUID projectId, long itemId, UUID labelerId,
                              JsonNode answer, JsonNode goldAnswer, long durationMs) implements DomainEvent {

    /** A stored event reads an absent gold answer back as JSON null: both mean a regular item. */
    public AnswerSubmitted {
        goldAnswer = goldAnswer == null || goldAnswer.isNull() ? null : goldAnswer;
    }
}
