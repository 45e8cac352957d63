package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A withdrawal ended without paying: it failed on its way, or an admin rejected it ({@code rejected}). The hold is
 * released; {@code reason} is what the person is shown.
 */
public record WithdrawalFailed(UUID eventId, Instant occurredAt, UUID withdrawalId, UUID userId, Money amount, boolean rejected,
                               String reason) implements DomainEvent {
}
