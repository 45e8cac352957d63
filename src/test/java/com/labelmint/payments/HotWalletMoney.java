package com.labelmint.payments;

import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;

/** Money between the hot wallet and a person's balance, as a deposit (or a payout) moves it, for tests. */
public final class HotWalletMoney {

    private HotWalletMoney() {
    }

    /** Money arriving as a deposit would: from the hot wallet to the person's balance. */
    public static void deposit(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount) {
        transfer(dataSource, accounts, ledger, userId, amount, true);
    }

    /** Money leaving the person's balance for the hot wallet. */
    public static void withdraw(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount) {
        transfer(dataSource, accounts, ledger, userId, amount, false);
    }

    private static void transfer(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount, boolean toUser) {
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                UUID platform = accounts.platform(connection, AccountKind.TON_HOT_WALLET, Currency.USDT).id();
                UUID user = accounts.open(connection, AccountKind.USER, userId, Currency.USDT).id();
                Money money = Money.parse(amount, Currency.USDT);
                TransferReason reason = TransferReason.of("test", userId);
                return ledger.transfer(connection, toUser ? TransferRequest.posted(UUID.randomUUID(), platform, user, money, reason)
                        : TransferRequest.posted(UUID.randomUUID(), user, platform, money, reason));
            }
        });
    }
}
