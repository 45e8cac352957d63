package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A dispute turned a paid answer: {@code recovered} went back from the labeler to the project's escrow;
 * {@code shortfall} is what their balance could not cover (it never goes below zero).
 */
public record RewardClawedBack(UUID eventId, Instant occurredAt, UUID answerId, UUID projectId, UUID labelerId, Money recovered,
                               Money shortfall) implements DomainEvent {
}
