package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Dynamic overlap: the item's answers did not make consensus sure enough, so it needs {@code answersNeeded} in
 * all (one more than it has, never more than the project's maximum overlap). The task queue reopens it.
 */
public record MoreAnswersRequested(UUID eventId, Instant occurredAt, UUID projectId, long itemId, int answersNeeded,
                                   double confidence) implements DomainEvent {
}
