package com.labelmint.payments.ledger;

import java.time.Clock;

/**
 * The ledger's classes made without CDI, for tests that run the application as a separate process and must move
 * money it has no API for (a deposit arrives from the chain) on its database, through the ledger's own code.
 */
public final class StandaloneLedger {

    private StandaloneLedger() {
    }

    public static Ledger ledger() {
        return new Ledger(Clock.systemUTC());
    }

    public static LedgerAccounts accounts() {
        return new LedgerAccounts(Clock.systemUTC());
    }
}
