package com.labelmint.users.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A labeler's reputation moved.
 *
 * @param skill the skill the score is about, or {@code null} for the overall score
 * @param previousScore the score before, or {@code null} for a labeler's first measurement
 */
public record ReputationChanged(UUID eventId, Instant occurredAt, UUID accountId, String skill,
                                Double previousScore, double score) implements DomainEvent {
}
