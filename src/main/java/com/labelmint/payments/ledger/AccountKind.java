package com.labelmint.payments.ledger;

/**
 * What a ledger account holds, and which way its balance may not go. Balances read as credits minus debits:
 * money the platform owes someone is a positive balance; money held on chain shows as the hot wallet's
 * negative balance, so every currency sums to zero.
 */
public enum AccountKind {
    /** A person's money with us: a client's deposits and a labeler's earnings alike. */
    USER("user", true, false),
    /** A project's budget: funded by its client, paid out to labelers. */
    PROJECT_ESCROW("project-escrow", true, false),
    PLATFORM_FEES("platform-fees", true, false),
    /** The on-chain wallet deposits arrive at and withdrawals leave from: it can never send more than it received. */
    TON_HOT_WALLET("ton-hot-wallet", false, true);

    private final String dbName;
    private final boolean debitsMustNotExceedCredits;
    private final boolean creditsMustNotExceedDebits;

    AccountKind(String dbName, boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
        this.dbName = dbName;
        this.debitsMustNotExceedCredits = debitsMustNotExceedCredits;
        this.creditsMustNotExceedDebits = creditsMustNotExceedDebits;
    }

    public String dbName() {
        return dbName;
    }

    public boolean debitsMustNotExceedCredits() {
        return debitsMustNotExceedCredits;
    }

    public boolean creditsMustNotExceedDebits() {
        return creditsMustNotExceedDebits;
    }

    public static AccountKind ofDbName(String dbName) {
        for (AccountKind kind : values()) {
            if (kind.dbName.equals(dbName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown account kind " + dbName);
    }
}
