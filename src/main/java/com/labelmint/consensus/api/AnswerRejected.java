package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An answer earns nothing: it disagreed with the decided label, or it was made void because its labeler was excluded
 * from the project ({@link LabelerFlagged}). {@code reason} is written for the labeler and never says whether the
 * item was a gold item.
 */
public record AnswerRejected(UUID eventId, Instant occurredAt, UUID answerId, UUID projectId, long itemId, UUID labelerId,
                             String reason) implements DomainEvent {
}
