package com.labelmint.payments.ton;

/**
 * The hot wallet's transaction that executed a signed payout: the wallet accepted the external message and sent
 * the jetton transfer to its USDT jetton wallet. Not yet proof of delivery: a {@link PayoutEvent.Bounced} for the
 * same query id later means our jetton wallet refused it.
 *
 * @param externalBodyHash equals {@link SignedTransfer#bodyHash()} of the message that caused it
 * @param destination the labeler's wallet, raw form
 */
public record SentPayout(TransactionId transaction, long utime, String externalBodyHash, long queryId, long amountUnits,
        String destination) {
}
