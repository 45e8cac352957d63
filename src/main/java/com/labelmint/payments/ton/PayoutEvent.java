package com.labelmint.payments.ton;

/** What happened to a payout after the hot wallet sent it, as seen in the hot wallet's later transactions. */
public sealed interface PayoutEvent {

    TransactionId transaction();

    long queryId();

    /**
     * Our USDT jetton wallet bounced the transfer (too few jettons, too little TON for gas): nothing was paid and
     * the attached TON came back. The payout failed.
     */
    record Bounced(TransactionId transaction, long queryId) implements PayoutEvent {
    }

    /**
     * {@code excesses} for the transfer: the recipient's jetton wallet took the jettons and returned the unspent
     * TON. Anyone can send this body, so it proves delivery only when {@code source} (raw form) is the recipient's
     * USDT jetton wallet, i.e. {@link TonHttpApi#getJettonWalletAddress} of the payout's destination.
     */
    record Excess(TransactionId transaction, long queryId, String source) implements PayoutEvent {
    }
}
