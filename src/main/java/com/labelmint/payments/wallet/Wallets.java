package com.labelmint.payments.wallet;

import com.labelmint.payments.api.Balance;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A person's balances and the history of their account; also the module's answer to {@link PaymentsApi}. */
@ApplicationScoped
public class Wallets implements PaymentsApi {

    /** Two index scans, one per side of the account, each already in page order; the union keeps the newest. */
    private static final String HISTORY = """
            SELECT * FROM (
                (SELECT id, created_at, 'out' AS direction, kind, amount, currency, reason_type, reason_id, note
                 FROM payments.transfer WHERE debit_account_id = ? AND (created_at, id) < (?, ?)
                 ORDER BY created_at DESC, id DESC LIMIT ?)
                UNION ALL
                (SELECT id, created_at, 'in', kind, amount, currency, reason_type, reason_id, note
                 FROM payments.transfer WHERE credit_account_id = ? AND (created_at, id) < (?, ?)
                 ORDER BY created_at DESC, id DESC LIMIT ?)
            ) movements ORDER BY created_at DESC, id DESC LIMIT ?""";

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final DataSource dataSource;
    private final LedgerAccounts accounts;

    Wallets(DataSource dataSource, LedgerAccounts accounts) {
        this.dataSource = dataSource;
        this.accounts = accounts;
    }

    @Override
    public List<Balance> balances(UUID userId) {
        try (Connection connection = dataSource.getConnection()) {
            return balances(connection, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("Balances of " + userId + " could not be read", e);
        }
    }

    /** Balances (zero in USDT for a new account) and one page of history. */
    public WalletView wallet(UUID userId, String cursor, int limit) throws SQLException {
        NewestFirstCursor after = NewestFirstCursor.parse(cursor);
        try (Connection connection = dataSource.getConnection()) {
            Optional<LedgerAccount> account = accounts.find(connection, AccountKind.USER, userId, Currency.USDT);
            if (account.isEmpty()) {
                Money zero = Money.ofUnits(0, Currency.USDT);
                return new WalletView(List.of(new Balance(zero, zero, zero, zero)), new Page<>(List.of(), null));
            }
            return new WalletView(balances(connection, userId), Page.fromOneExtra(history(connection, account.get().id(), after, limit + 1), limit,
                    entry -> new NewestFirstCursor(entry.at(), entry.id()).encoded()));
        }
    }

    private List<Balance> balances(Connection connection, UUID userId) throws SQLException {
        List<Balance> balances = new ArrayList<>();
        for (Currency currency : Currency.values()) {
            accounts.find(connection, AccountKind.USER, userId, currency).map(Wallets::balanceOf).ifPresent(balances::add);
        }
        return balances;
    }

    private static List<WalletEntry> history(Connection connection, UUID accountId, NewestFirstCursor after, int fetch)
            throws SQLException {
        Timestamp before = Timestamp.from(after == null ? END_OF_TIME : after.createdAt());
        UUID beforeId = after == null ? LAST_ID : after.id();
        try (PreparedStatement query = connection.prepareStatement(HISTORY)) {
            int column = 1;
            for (int side = 0; side < 2; side++) {
                query.setObject(column++, accountId);
                query.setTimestamp(column++, before);
                query.setObject(column++, beforeId);
                query.setInt(column++, fetch);
            }
            query.setInt(column, fetch);
            List<WalletEntry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new WalletEntry(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(), row.getString(3),
                            row.getString(4), Money.ofUnits(row.getLong(5), Currency.valueOf(row.getString(6))), row.getString(7),
                            row.getObject(8, UUID.class), row.getString(9)));
                }
            }
            return entries;
        }
    }

    private static Balance balanceOf(LedgerAccount account) {
        return new Balance(account.balance(), account.available(), account.incoming(), account.held());
    }
}
