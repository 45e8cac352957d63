package com.labelmint.payments;

import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.StandaloneLedger;
import com.labelmint.payments.ledger.TransferOutcome;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.testing.process.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Money between the hot wallet and a person's balance, as a deposit (or a payout) moves it, for tests. */
public final class HotWalletMoney {

    private HotWalletMoney() {
    }

    /** Money arriving as a deposit would: from the hot wallet to the person's balance. */
    public static void deposit(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount) {
        inTransaction(dataSource, accounts, ledger, userId, amount, true);
    }

    /** Money leaving the person's balance for the hot wallet. */
    public static void withdraw(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount) {
        inTransaction(dataSource, accounts, ledger, userId, amount, false);
    }

    /** A deposit for a test that runs the application as a separate process: committed on its database directly. */
    public static void deposit(TestDatabase database, UUID userId, String amount) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            move(connection, StandaloneLedger.accounts(), StandaloneLedger.ledger(), userId, amount, true);
            connection.commit();
        }
    }

    private static void inTransaction(DataSource dataSource, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount,
                                      boolean toUser) {
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return move(connection, accounts, ledger, userId, amount, toUser);
            }
        });
    }

    private static TransferOutcome move(Connection connection, LedgerAccounts accounts, Ledger ledger, UUID userId, String amount,
                                        boolean toUser) throws SQLException {
        UUID platform = accounts.platform(connection, AccountKind.TON_HOT_WALLET, Currency.USDT).id();
        UUID user = accounts.open(connection, AccountKind.USER, userId, Currency.USDT).id();
        Money money = Money.parse(amount, Currency.USDT);
        TransferReason reason = TransferReason.of("test", userId);
        return ledger.transfer(connection, toUser ? TransferRequest.posted(UUID.randomUUID(), platform, user, money, reason)
                : TransferRequest.posted(UUID.randomUUID(), user, platform, money, reason));
    }
}
