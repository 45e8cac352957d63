package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin settled a dispute. Answers whose verdict the outcome turned are listed: those now accepted were also
 * published as {@link AnswerAccepted} (payments pays them as any other); those now rejected had been paid and are
 * to be clawed back from the labeler's balance, never below zero.
 *
 * @param kind {@code rejected-answer} (a labeler's) or {@code item-label} (a project manager's)
 * @param outcome {@code upheld} (the party was right) or {@code dismissed}
 */
public record DisputeResolved(UUID eventId, Instant occurredAt, UUID disputeId, String kind, String outcome, UUID projectId,
                              long itemId, UUID answerId, UUID openedBy, UUID resolvedBy, String note,
                              List<UUID> answersNowAccepted, List<UUID> answersNowRejected) implements DomainEvent {

    public DisputeResolved {
        answersNowAccepted = List.copyOf(answersNowAccepted);
        answersNowRejected = List.copyOf(answersNowRejected);
    }
}
