package com.labelmint.payments;

import com.labelmint.payments.reconciliation.HotWalletChainBalance;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;

/** The chain's answer as a test sets it; reports nothing (no hot wallet) unless a test says otherwise. */
@Alternative
@Priority(1)
@ApplicationScoped
public class StandInChainBalance implements HotWalletChainBalance {

    private volatile Optional<Money> balance = Optional.empty();

    public void reports(Optional<Money> onChain) {
        balance = onChain;
    }

    @Override
    public Optional<Money> balance(Currency currency) {
        return balance;
    }
}
