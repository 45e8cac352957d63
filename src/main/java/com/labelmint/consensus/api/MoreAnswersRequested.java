package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Consensus needs more answers for the item: {@code answersNeeded} in all, as the queue counts them. Dynamic overlap
 * asks for one more than it has when its answers did not make consensus sure enough (never past the project's
 * maximum overlap of answers that count); an item holding void answers (see {@link LabelerFlagged}) asks for as many
 * more, from others. The task queue reopens it.
 *
 * @param confidence how sure consensus is of the answers that count; 0 when the request only replaces void answers
 */
public record MoreAnswersRequested(UUID eventId, Instant occurredAt, UUID projectId, long itemId, int answersNeeded,
                                   double confidence) implements DomainEvent {
}
