package com.labelmint.payments.ton;

import java.time.Instant;

/**
 * What to pay and under which wallet state: everything the signed message depends on, so the same payout gives the
 * same message (except the signature's randomness, of which Ed25519 has none: it is deterministic too).
 *
 * @param queryId the jetton transfer's query id (uint64, here 0..2^63-1): record it before sending, it is how a
 *     restarted sender recognises its own transfer on chain
 * @param amountUnits USDT base units (6 decimals), more than zero
 * @param destination the labeler's main wallet (not their jetton wallet)
 * @param comment the text the labeler sees with the transfer
 * @param seqno the hot wallet's current seqno, read from the network and recorded before sending
 * @param validUntil after this instant the wallet refuses the message, so an unsent or stuck one cannot land later
 * @param walletDeployed false only for the very first message of a new hot wallet: then the wallet's StateInit is
 *     attached to deploy it
 */
public record UsdtPayout(long queryId, long amountUnits, TonAddress destination, String comment, long seqno,
        Instant validUntil, boolean walletDeployed) {

    public UsdtPayout {
        if (queryId < 0) {
            throw new IllegalArgumentException("queryId must not be negative");
        }
        if (amountUnits <= 0) {
            throw new IllegalArgumentException("amountUnits must be more than zero");
        }
        if (seqno < 0 || seqno > 0xffffffffL) {
            throw new IllegalArgumentException("seqno must be a uint32");
        }
        if (destination == null || comment == null || validUntil == null) {
            throw new IllegalArgumentException("destination, comment and validUntil are required");
        }
    }
}
