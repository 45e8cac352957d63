package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A person asked to withdraw {@code amount} to a TON address (raw form); the amount is held from their balance.
 * {@code awaitingApproval} when it is above the approval threshold and waits for an admin.
 */
public record WithdrawalRequested(UUID eventId, Instant occurredAt, UUID withdrawalId, UUID userId, Money amount, String address,
                                  boolean awaitingApproval) implements DomainEvent {
}
