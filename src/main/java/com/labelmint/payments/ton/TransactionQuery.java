package com.labelmint.payments.ton;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which transactions of an account to read, newest first. toncenter pages backwards in logical time: give the
 * last transaction of a page as {@code from} to get the next (older) page, which starts with that same
 * transaction again.
 *
 * @param from start here (inclusive) instead of at the newest transaction
 * @param downToLt stop at this logical time (toncenter's {@code to_lt}): for "everything since the last poll"
 * @param archival ask only nodes that keep full history, for transactions older than a regular node's window
 */
public record TransactionQuery(TonAddress account, int limit, Optional<TransactionId> from, OptionalLong downToLt,
        boolean archival) {

    public TransactionQuery {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("toncenter returns 1 to 100 transactions a request");
        }
    }

    public static TransactionQuery latest(TonAddress account, int limit) {
        return new TransactionQuery(account, limit, Optional.empty(), OptionalLong.empty(), false);
    }

    public TransactionQuery startingAt(TransactionId transaction) {
        return new TransactionQuery(account, limit, Optional.of(transaction), downToLt, archival);
    }

    public TransactionQuery downTo(long lt) {
        return new TransactionQuery(account, limit, from, OptionalLong.of(lt), archival);
    }

    public TransactionQuery fromArchive() {
        return new TransactionQuery(account, limit, from, downToLt, true);
    }
}
