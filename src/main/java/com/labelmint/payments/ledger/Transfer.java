package com.labelmint.payments.ledger;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** A transfer as the ledger stored it. */
public record Transfer(UUID id, TransferKind kind, UUID debitAccountId, UUID creditAccountId, Money amount, UUID pendingId,
                       TransferReason reason, Instant createdAt) {
}
