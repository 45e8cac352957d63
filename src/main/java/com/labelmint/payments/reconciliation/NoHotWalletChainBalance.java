package com.labelmint.payments.reconciliation;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Until a hot wallet is configured there is no chain to compare with; the invariants are still checked. */
@ApplicationScoped
@DefaultBean
class NoHotWalletChainBalance implements HotWalletChainBalance {

    @Override
    public Optional<Money> balance(Currency currency) {
        return Optional.empty();
    }
}
