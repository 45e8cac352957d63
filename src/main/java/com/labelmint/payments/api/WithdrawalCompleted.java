package com.labelmint.payments.api;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** The USDT reached the person's TON wallet; {@code transactionHash} is the hot wallet's transaction that sent it. */
public record WithdrawalCompleted(UUID eventId, Instant occurredAt, UUID withdrawalId, UUID userId, Money amount, String address,
                                  String transactionHash) implements DomainEvent {
}
