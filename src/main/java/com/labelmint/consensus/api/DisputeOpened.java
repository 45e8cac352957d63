package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone disputed a decision: a labeler the rejection of their answer ({@code answerId} set), or a project's manager an
 * item's label ({@code answerId} null). Published once per dispute; the same complaint again is the same dispute.
 *
 * @param kind {@code rejected-answer} or {@code item-label}, as in {@link DisputeResolved}
 */
public record DisputeOpened(UUID eventId, Instant occurredAt, UUID disputeId, String kind, UUID projectId, long itemId,
                            UUID answerId, UUID openedBy) implements DomainEvent {
}
