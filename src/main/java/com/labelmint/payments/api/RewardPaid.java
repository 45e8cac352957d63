package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** An accepted answer's reward reached the labeler's balance: {@code net} to them, {@code fee} to the platform. */
public record RewardPaid(UUID eventId, Instant occurredAt, UUID answerId, UUID projectId, UUID labelerId, Money net, Money fee)
        implements DomainEvent {
}
