package com.labelmint.payments.withdrawal;

import com.labelmint.payments.ton.TonAddress;
import com.labelmint.payments.ton.TonHttpApi;
import com.labelmint.payments.ton.TonTransaction;
import com.labelmint.payments.ton.TransactionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hot wallet's transactions back to a moment, newest first: where the tracker looks for its messages and their answers. */
final class RecentWalletTransactions {

    private static final int PAGE = 50;
    /** A bound on one look: a backlog longer than this is read on the next round, from the newest again. */
    private static final int MAX_PAGES = 40;

    private RecentWalletTransactions() {
    }

    static List<TonTransaction> since(TonHttpApi api, TonAddress wallet, Instant notBefore) {
        List<TonTransaction> newestFirst = new ArrayList<>();
        TransactionQuery query = TransactionQuery.latest(wallet, PAGE);
        for (int page = 0; page < MAX_PAGES; page++) {
            List<TonTransaction> transactions = api.getTransactions(query);
            for (TonTransaction transaction : transactions) {
                // each page after the first starts with the last transaction of the one before
                if (newestFirst.isEmpty() || transaction.id().lt() < newestFirst.get(newestFirst.size() - 1).id().lt()) {
                    newestFirst.add(transaction);
                }
            }
            if (transactions.size() < PAGE || newestFirst.isEmpty()
                    || newestFirst.get(newestFirst.size() - 1).utime() < notBefore.getEpochSecond()) {
                break;
            }
            query = query.startingAt(transactions.get(transactions.size() - 1).id());
        }
        return newestFirst;
    }
}
