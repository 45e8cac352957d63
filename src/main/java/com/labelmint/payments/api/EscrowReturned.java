package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** A closed project's unspent escrow went back to its client. */
public record EscrowReturned(UUID eventId, Instant occurredAt, UUID projectId, UUID clientId, Money amount) implements DomainEvent {
}
