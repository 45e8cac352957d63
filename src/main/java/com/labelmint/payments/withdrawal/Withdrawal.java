package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** A withdrawal as stored; {@code message} is null until a payout message is signed for it. */
public record Withdrawal(UUID id, UUID userId, Money amount, String addressGiven, String addressRaw, String network,
                         WithdrawalStatus status, UUID holdTransferId, String idempotencyKey, long queryId,
                         SignedMessage message, int attempts, String txHash, Long txLt, String failureReason,
                         UUID decidedBy, Instant decidedAt, String decisionReason, Instant createdAt, Instant updatedAt) {

    /** Everything about it but the idempotency key and the signed bytes, for admins. */
    AdminWithdrawalView forAdmins() {
        return new AdminWithdrawalView(id, userId, amount, addressGiven, addressRaw, network, status.dbName(), holdTransferId, queryId,
                message == null ? null : message.seqno(), message == null ? null : message.messageHash(),
                message == null ? null : message.validUntil(), attempts, txHash, failureReason, decidedBy, decidedAt, decisionReason,
                createdAt, updatedAt);
    }

    /**
     * The payout message signed for it, recorded before it was sent.
     *
     * @param messageHash TEP-467 normalised hash of the external message (what explorers index)
     * @param bodyHash hash of its body, as toncenter v2 reports it in the hot wallet's transaction
     */
    public record SignedMessage(long seqno, String messageHash, String bodyHash, String boc, Instant validUntil, Instant signedAt) {
    }
}
