package com.labelmint.payments.reconciliation;

import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The hot wallet's USDT as the chain reports it: the balance of its USDT jetton wallet, through the TON HTTP API. */
@ApplicationScoped
class HotWalletJettonBalance implements HotWalletChainBalance {

    private final TonAdapter ton;

    HotWalletJettonBalance(TonAdapter ton) {
        this.ton = ton;
    }

    @Override
    public Optional<Money> balance(Currency currency) {
        if (ton.hotWallet().isEmpty() || currency != Currency.USDT) {
            return Optional.empty();
        }
        return Optional.of(Money.ofUnits(ton.api().getJettonBalance(ton.hotJettonWallet()), currency));
    }
}
