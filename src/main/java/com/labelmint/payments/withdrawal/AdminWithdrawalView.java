package com.labelmint.payments.withdrawal;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Everything about a withdrawal, for admins: who asked, who decided, and the message that carries it on chain. */
public record AdminWithdrawalView(UUID id, UUID userId, Money amount, String address, String addressRaw, String network,
                                  WithdrawalStatus status, UUID holdTransferId, long queryId, Long walletSeqno, String messageHash,
                                  Instant validUntil, int attempts, String transactionHash, String failureReason, UUID decidedBy,
                                  Instant decidedAt, String decisionReason, Instant createdAt, Instant updatedAt) {

    static AdminWithdrawalView of(Withdrawal withdrawal) {
        Withdrawal.SignedMessage message = withdrawal.message();
        return new AdminWithdrawalView(withdrawal.id(), withdrawal.userId(), withdrawal.amount(), withdrawal.addressGiven(),
                withdrawal.addressRaw(), withdrawal.network(), withdrawal.status(), withdrawal.holdTransferId(), withdrawal.queryId(),
                message == null ? null : message.seqno(), message == null ? null : message.messageHash(),
                message == null ? null : message.validUntil(), withdrawal.attempts(), withdrawal.txHash(), withdrawal.failureReason(),
                withdrawal.decidedBy(), withdrawal.decidedAt(), withdrawal.decisionReason(), withdrawal.createdAt(), withdrawal.updatedAt());
    }
}
