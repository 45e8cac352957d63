package com.labelmint.payments.wallet;

import com.labelmint.payments.api.Balance;
import com.labelmint.payments.ledger.AccountHistory;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A person's balances and the history of their account. */
@ApplicationScoped
public class Wallets {

    private final DataSource dataSource;
    private final LedgerAccounts accounts;
    private final AccountHistory history;

    Wallets(DataSource dataSource, LedgerAccounts accounts, AccountHistory history) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.history = history;
    }

    public List<Balance> balances(UUID userId) {
        try (Connection connection = dataSource.getConnection()) {
            return balances(connection, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("Balances of " + userId + " could not be read", e);
        }
    }

    /** What the project's escrow can still pay in {@code currency}, holds for undecided answers taken off. */
    public Money escrowAvailable(UUID projectId, Currency currency) {
        try (Connection connection = dataSource.getConnection()) {
            return accounts.find(connection, AccountKind.PROJECT_ESCROW, projectId, currency).map(LedgerAccount::available)
                    .orElse(Money.ofUnits(0, currency));
        } catch (SQLException e) {
            throw new IllegalStateException("The escrow of project " + projectId + " could not be read", e);
        }
    }

    /** Balances (zero in USDT for a new account) and one page of history. */
    public WalletView wallet(UUID userId, String cursor, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<LedgerAccount> account = accounts.find(connection, AccountKind.USER, userId, Currency.USDT);
            if (account.isEmpty()) {
                Money zero = Money.ofUnits(0, Currency.USDT);
                return new WalletView(List.of(new Balance(zero, zero, zero, zero)), new Page<>(List.of(), null));
            }
            return new WalletView(balances(connection, userId), history.page(connection, account.get().id(), cursor, limit));
        }
    }

    private List<Balance> balances(Connection connection, UUID userId) throws SQLException {
        List<Balance> balances = new ArrayList<>();
        for (Currency currency : Currency.values()) {
            accounts.find(connection, AccountKind.USER, userId, currency).map(Wallets::balanceOf).ifPresent(balances::add);
        }
        return balances;
    }

    private static Balance balanceOf(LedgerAccount account) {
        return new Balance(account.balance(), account.available(), account.incoming(), account.held());
    }
}
