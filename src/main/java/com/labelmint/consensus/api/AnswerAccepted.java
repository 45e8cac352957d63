package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * An answer earned its reward: it agreed with the decided label (or a gold item's known one), or a dispute
 * turned its rejection. Published once per answer and turn; payments pays {@code reward} from the project's
 * escrow, keyed by {@code answerId}.
 */
public record AnswerAccepted(UUID eventId, Instant occurredAt, UUID answerId, UUID projectId, long itemId, UUID labelerId,
                             Money reward) implements DomainEvent {
}
