package com.labelmint.payments.ledger;

import com.labelmint.platform.money.Currency;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ledger accounts: one per kind, owner and currency, opened on first use. */
@ApplicationScoped
public class LedgerAccounts {

    static final String COLUMNS = "id, kind, owner_id, currency, debits_pending, debits_posted, credits_pending, credits_posted";

    private static final String OPEN = """
            INSERT INTO payments.account (id, kind, owner_id, currency, debits_must_not_exceed_credits,
                                          credits_must_not_exceed_debits, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private static final String BY_OWNER = "SELECT " + COLUMNS
            + " FROM payments.account WHERE kind = ? AND owner_id IS NOT DISTINCT FROM ? AND currency = ?";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM payments.account WHERE id = ?";

    private static final String LOCK = BY_ID + " FOR UPDATE";

    private static final String OF_OWNER = "SELECT " + COLUMNS + " FROM payments.account WHERE owner_id = ? ORDER BY kind, currency";

    private static final String OF_KIND = "SELECT " + COLUMNS + " FROM payments.account WHERE kind = ? ORDER BY created_at, id LIMIT ?";

    private final Clock clock;

    LedgerAccounts(Clock clock) {
        this.clock = clock;
    }

    /** The account, opened now if it did not exist; safe when two transactions open it at once. */
    public LedgerAccount open(Connection connection, AccountKind kind, UUID ownerId, Currency currency) throws SQLException {
        Optional<LedgerAccount> existing = find(connection, kind, ownerId, currency);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement open = connection.prepareStatement(OPEN)) {
            open.setObject(1, UUID.randomUUID());
            open.setString(2, kind.dbName());
            open.setObject(3, ownerId);
            open.setString(4, currency.name());
            open.setBoolean(5, kind.debitsMustNotExceedCredits());
            open.setBoolean(6, kind.creditsMustNotExceedDebits());
            open.setTimestamp(7, Timestamp.from(clock.instant()));
            open.executeUpdate();
        }
        return find(connection, kind, ownerId, currency).orElseThrow();
    }

    /** The platform's own account of a kind (fees, the hot wallet). */
    public LedgerAccount platform(Connection connection, AccountKind kind, Currency currency) throws SQLException {
        return open(connection, kind, null, currency);
    }

    public Optional<LedgerAccount> find(Connection connection, AccountKind kind, UUID ownerId, Currency currency) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_OWNER)) {
            query.setString(1, kind.dbName());
            query.setObject(2, ownerId);
            query.setString(3, currency.name());
            return one(query);
        }
    }

    public Optional<LedgerAccount> find(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_ID)) {
            query.setObject(1, accountId);
            return one(query);
        }
    }

    /** Every account of one owner (a person, a project). */
    public List<LedgerAccount> ofOwner(Connection connection, UUID ownerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OF_OWNER)) {
            query.setObject(1, ownerId);
            return all(query);
        }
    }

    /** The oldest accounts of a kind: the platform's own, or a first look at the rest. */
    public List<LedgerAccount> ofKind(Connection connection, AccountKind kind, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OF_KIND)) {
            query.setString(1, kind.dbName());
            query.setInt(2, limit);
            return all(query);
        }
    }

    /**
     * The account, locked until the transaction ends: for a decision made over several transfers (is there enough
     * for all of them?) that no concurrent transfer may change in between.
     */
    public LedgerAccount lock(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOCK)) {
            query.setObject(1, accountId);
            return one(query).orElseThrow(() -> new IllegalStateException("No ledger account " + accountId));
        }
    }

    private static Optional<LedgerAccount> one(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
    }

    static List<LedgerAccount> all(PreparedStatement query) throws SQLException {
        List<LedgerAccount> accounts = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                accounts.add(read(row));
            }
        }
        return accounts;
    }

    static LedgerAccount read(ResultSet row) throws SQLException {
        return new LedgerAccount(row.getObject(1, UUID.class), AccountKind.ofDbName(row.getString(2)), row.getObject(3, UUID.class),
                Currency.valueOf(row.getString(4)), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8));
    }
}
