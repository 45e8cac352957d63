package com.labelmint.payments.ledger;

/** The four kinds of transfer of a two-phase ledger. */
public enum TransferKind {
    /** Moves money at once. */
    POSTED("posted"),
    /** Reserves money: the debit account's available balance shrinks, nothing arrives yet. */
    PENDING("pending"),
    /** Completes a pending transfer, for its whole amount or less (the rest returns to the debit account). */
    POST_PENDING("post-pending"),
    /** Cancels a pending transfer: the reserved money is available again. */
    VOID_PENDING("void-pending");

    private final String dbName;

    TransferKind(String dbName) {
        this.dbName = dbName;
    }

    public String dbName() {
        return dbName;
    }

    public static TransferKind ofDbName(String dbName) {
        for (TransferKind kind : values()) {
            if (kind.dbName.equals(dbName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown transfer kind " + dbName);
    }
}
