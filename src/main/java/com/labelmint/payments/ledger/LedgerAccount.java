package com.labelmint.payments.ledger;

import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import java.util.UUID;

/** An account with its running totals, as of the read. */
public record LedgerAccount(UUID id, AccountKind kind, UUID ownerId, Currency currency, long debitsPending, long debitsPosted,
                            long creditsPending, long creditsPosted) {

    /** The account as admins see it. */
    public LedgerAccountView view() {
        return new LedgerAccountView(id, kind.dbName(), ownerId, balance(), available(), incoming(), held());
    }

    /** Credits minus debits, posted only. */
    public Money balance() {
        return Money.ofUnits(creditsPosted - debitsPosted, currency);
    }

    /** What can still be debited: the balance less what pending debits hold. */
    public Money available() {
        return Money.ofUnits(creditsPosted - debitsPosted - debitsPending, currency);
    }

    /** Pending credits: money on its way in that may still be voided. */
    public Money incoming() {
        return Money.ofUnits(creditsPending, currency);
    }

    /** Pending debits: money held for a payment not yet settled. */
    public Money held() {
        return Money.ofUnits(debitsPending, currency);
    }

    /** The account after a transfer moves its totals by these amounts. */
    LedgerAccount moved(long debitsPendingBy, long debitsPostedBy, long creditsPendingBy, long creditsPostedBy) {
        return new LedgerAccount(id, kind, ownerId, currency, Math.addExact(debitsPending, debitsPendingBy),
                Math.addExact(debitsPosted, debitsPostedBy), Math.addExact(creditsPending, creditsPendingBy),
                Math.addExact(creditsPosted, creditsPostedBy));
    }

    /** Whether the totals respect the account's kind: no overdraft, or no sending more than was received. */
    boolean withinLimits() {
        return (!kind.debitsMustNotExceedCredits() || debitsPosted + debitsPending <= creditsPosted)
                && (!kind.creditsMustNotExceedDebits() || creditsPosted + creditsPending <= debitsPosted);
    }
}
