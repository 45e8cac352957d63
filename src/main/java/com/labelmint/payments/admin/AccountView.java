package com.labelmint.payments.admin;

import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.platform.money.Money;
import java.util.UUID;

/** A ledger account for admins: its owner and balances. */
public record AccountView(UUID id, String kind, UUID ownerId, Money balance, Money available, Money incoming, Money held) {

    static AccountView of(LedgerAccount account) {
        return new AccountView(account.id(), account.kind().dbName(), account.ownerId(), account.balance(), account.available(),
                account.incoming(), account.held());
    }
}
