package com.labelmint.payments.deposit;

import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.payments.ton.TonAddress;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.money.Currency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/** A person's deposit instructions: the hot wallet's address and their own memo. */
@ApplicationScoped
public class DepositAddresses {

    private final DataSource dataSource;
    private final DepositMemos memos;
    private final TonAdapter ton;

    DepositAddresses(DataSource dataSource, DepositMemos memos, TonAdapter ton) {
        this.dataSource = dataSource;
        this.memos = memos;
        this.ton = ton;
    }

    public DepositAddress of(UUID userId) {
        TonAddress wallet = ton.hotWallet().orElseThrow(() -> new ProblemException(503, "deposits-unavailable", "Service unavailable",
                "Deposits are not open on this server: no hot wallet is configured")).address();
        String memo = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return memos.memoOf(connection, userId);
            }
        });
        return new DepositAddress(wallet.display(ton.network()), memo, ton.network().name().toLowerCase(Locale.ROOT),
                Currency.USDT.name(), ton.usdtMaster().display(ton.network()));
    }
}
