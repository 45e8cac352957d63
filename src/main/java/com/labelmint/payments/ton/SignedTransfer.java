package com.labelmint.payments.ton;

/**
 * A signed external message, ready for {@code sendBoc}, and what finds it again on chain.
 *
 * @param boc the external message as base64 BoC (standard alphabet, as toncenter expects)
 * @param normalizedHash TEP-467 normalised hash of the external message, hex: what explorers and toncenter v3
 *     ({@code /transactionsByMessage}) index the message by, whoever relays it
 * @param bodyHash hash of the message body (the signed wallet request), base64: toncenter v2 shows it as
 *     {@code in_msg.body_hash} of the hot wallet's transaction, which is how the sender finds its transaction
 *     with getTransactions
 * @param queryId the jetton transfer's query id
 * @param seqno the wallet seqno the message is signed for
 */
public record SignedTransfer(String boc, String normalizedHash, String bodyHash, long queryId, long seqno) {
}
