package com.labelmint.payments.ton;

import java.util.List;

/** The hot wallet's transactions of getTransactions.json, read through our client from the toncenter stand-in. */
final class HotWalletHistory {

    static final int DEPOSIT_INLINE_COMMENT = 0;
    static final int FORGED_NOTIFICATION = 1;
    static final int DEPOSIT_COMMENT_IN_REF = 2;
    static final int OUR_PAYOUT = 3;
    static final int EXCESSES = 4;
    static final int BOUNCED_PAYOUT = 5;
    static final int PLAIN_TON_WITH_COMMENT = 6;

    private HotWalletHistory() {
    }

    static List<TonTransaction> read() {
        try (ToncenterStandIn toncenter = new ToncenterStandIn()) {
            toncenter.answerGet("getTransactions", 200, "getTransactions.json", TransactionFixtures.placeholders());
            return toncenter.client().getTransactions(TransactionQuery.latest(PayoutFixtures.HOT_WALLET.address(), 20));
        }
    }

}
