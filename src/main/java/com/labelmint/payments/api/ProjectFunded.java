package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** A client moved {@code amount} from their balance into the project's escrow; {@code available} is what it can now pay. */
public record ProjectFunded(UUID eventId, Instant occurredAt, UUID projectId, UUID clientId, Money amount, Money available)
        implements DomainEvent {
}
