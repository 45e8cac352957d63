package com.labelmint.payments.withdrawal;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A withdrawal as its owner sees it: where it is and, when it did not go through, why. Which admin decided it is
 * not theirs to know; the reason is.
 *
 * @param address the address as they gave it
 * @param transactionHash the hot wallet's transaction that sent it, once on chain
 */
public record WithdrawalView(UUID id, Money amount, String address, String network, WithdrawalStatus status, String failureReason,
                             String decisionReason, String transactionHash, Instant createdAt, Instant updatedAt) {

    static WithdrawalView of(Withdrawal withdrawal) {
        return new WithdrawalView(withdrawal.id(), withdrawal.amount(), withdrawal.addressGiven(), withdrawal.network(),
                withdrawal.status(), withdrawal.failureReason(), withdrawal.decisionReason(), withdrawal.txHash(),
                withdrawal.createdAt(), withdrawal.updatedAt());
    }
}
