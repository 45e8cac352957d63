package com.labelmint.platform.jdbc;

import java.sql.SQLException;
import java.util.Set;

/** Recognises a transaction that PostgreSQL rolled back because it lost to another one. */
public final class TransactionConflicts {

    /** deadlock_detected and serialization_failure: nothing was wrong with the work, only its timing. */
    private static final Set<String> LOST_TO_ANOTHER_TRANSACTION = Set.of("40P01", "40001");

    private TransactionConflicts() {
    }

    /** Whether {@code failure}, or anything that caused it, is PostgreSQL undoing a transaction that lost a conflict. */
    public static boolean lostToAnother(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_TO_ANOTHER_TRANSACTION.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
