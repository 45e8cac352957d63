package com.labelmint.payments.ledger;

import com.labelmint.platform.error.ProblemException;

/**
 * The ledger refused a transfer and moved nothing. Each refusal is a problem document, so a request that caused
 * it gets a clear answer without any mapping; flows catch the kinds they handle.
 */
public class LedgerRefusal extends ProblemException {

    LedgerRefusal(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    /** A no-overdraft account would go below zero (or a wallet would send more than it received). */
    public static final class InsufficientFunds extends LedgerRefusal {
        InsufficientFunds(String detail) {
            super(409, "insufficient-funds", "Insufficient funds", detail);
        }
    }

    /** The id was used before for a different transfer. */
    public static final class TransferIdReused extends LedgerRefusal {
        TransferIdReused(String detail) {
            super(409, "transfer-id-reused", "Transfer id already used", detail);
        }
    }

    /** The pending transfer is unknown, not pending, or already posted or voided. */
    public static final class PendingNotOpen extends LedgerRefusal {
        PendingNotOpen(String detail) {
            super(409, "pending-transfer-not-open", "Pending transfer not open", detail);
        }
    }

    /** Zero, negative, or more than the pending transfer holds. */
    public static final class BadAmount extends LedgerRefusal {
        BadAmount(String detail) {
            super(400, "bad-amount", "Bad amount", detail);
        }
    }

    /** An account is missing or holds another currency. */
    public static final class BadAccount extends LedgerRefusal {
        BadAccount(String detail) {
            super(400, "bad-ledger-account", "Bad ledger account", detail);
        }
    }
}
