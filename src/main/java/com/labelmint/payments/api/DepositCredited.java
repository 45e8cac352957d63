package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** USDT sent to the hot wallet with a person's memo reached their balance; once per on-chain transaction. */
public record DepositCredited(UUID eventId, Instant occurredAt, UUID userId, Money amount, String transactionHash)
        implements DomainEvent {
}
