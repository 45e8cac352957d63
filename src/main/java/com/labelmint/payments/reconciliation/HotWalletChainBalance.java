package com.labelmint.payments.reconciliation;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import java.util.Optional;

/** What the chain says the hot wallet holds; empty when no hot wallet is configured (nothing to compare). */
public interface HotWalletChainBalance {

    Optional<Money> balance(Currency currency);
}
