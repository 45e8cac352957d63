package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything about a withdrawal, for admins: who asked, who decided, and the message that carries it on chain.
 * {@code status} is one of {@code awaiting_approval}, {@code approved}, {@code queued}, {@code sending}, {@code sent},
 * {@code completed}, {@code failed}, {@code rejected}.
 */
public record AdminWithdrawalView(UUID id, UUID userId, Money amount, String address, String addressRaw, String network,
                                  String status, UUID holdTransferId, long queryId, Long walletSeqno, String messageHash,
                                  Instant validUntil, int attempts, String transactionHash, String failureReason, UUID decidedBy,
                                  Instant decidedAt, String decisionReason, Instant createdAt, Instant updatedAt) {
}
