package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.WithdrawalCase;
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

/** The {@code payments.withdrawal} rows, read and changed inside the caller's transaction. */
@ApplicationScoped
public class WithdrawalStore {

    private static final String COLUMNS = """
            id, user_id, amount, currency, address_given, address_raw, network, status, hold_transfer_id, idempotency_key, query_id,
            wallet_seqno, message_hash, message_body_hash, message_boc, valid_until, signed_at, attempts, tx_hash, tx_lt,
            failure_reason, decided_by, decided_at, decision_reason, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO payments.withdrawal (id, user_id, amount, currency, address_given, address_raw, network, status,
                                             hold_transfer_id, idempotency_key, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM payments.withdrawal WHERE id = ?";

    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM payments.withdrawal WHERE user_id = ? AND idempotency_key = ?";

    /** Everything that still counts against the daily limit: held, on its way or paid. */
    private static final String SUM_SINCE = """
            SELECT coalesce(sum(amount), 0) FROM payments.withdrawal
            WHERE user_id = ? AND currency = ? AND created_at > ? AND status NOT IN ('failed', 'rejected')""";

    private static final String NEXT_TO_SEND = "SELECT " + COLUMNS + " FROM payments.withdrawal"
            + " WHERE status IN ('queued', 'approved') ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";

    private static final String IN_FLIGHT = "SELECT 1 FROM payments.withdrawal WHERE status = 'sending'";

    private static final String HIGHEST_LANDED_SEQNO = "SELECT max(wallet_seqno) FROM payments.withdrawal WHERE tx_hash IS NOT NULL";

    private static final String ON_THEIR_WAY = "SELECT " + COLUMNS + " FROM payments.withdrawal"
            + " WHERE status IN ('sending', 'sent') ORDER BY created_at, id";

    private static final String RECORD_MESSAGE = """
            UPDATE payments.withdrawal SET status = 'sending', wallet_seqno = ?, message_hash = ?, message_body_hash = ?, message_boc = ?,
                   valid_until = ?, signed_at = ?, attempts = attempts + 1, updated_at = ?
            WHERE id = ? AND status IN ('queued', 'approved')""";

    private static final String LANDED = """
            UPDATE payments.withdrawal SET status = 'sent', tx_hash = ?, tx_lt = ?, updated_at = ? WHERE id = ? AND status = 'sending'""";

    private static final String REQUEUE = """
            UPDATE payments.withdrawal SET status = 'queued', wallet_seqno = NULL, message_hash = NULL, message_body_hash = NULL,
                   message_boc = NULL, valid_until = NULL, signed_at = NULL, updated_at = ?
            WHERE id = ? AND status = 'sending'""";

    private static final String DECIDE = """
            UPDATE payments.withdrawal SET decided_by = ?, decided_at = ?, decision_reason = ?, updated_at = ? WHERE id = ?""";

    private static final String MOVE = """
            UPDATE payments.withdrawal SET status = ?, failure_reason = ?, updated_at = ? WHERE id = ?""";

    private static final String LOCK = BY_ID + " FOR UPDATE";

    private static final String COUNT_IN_STATUS = "SELECT count(*) FROM payments.withdrawal WHERE status = ?";

    private static final String HISTORY = "SELECT status, at FROM payments.withdrawal_status_change WHERE withdrawal_id = ? ORDER BY at, id";

    /** A hold is settled at most once (transfer_settles_once): posted, voided, or still pending. */
    private static final String HOLD_SETTLEMENT = "SELECT kind FROM payments.transfer WHERE pending_id = ?";

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    void insert(Connection connection, Withdrawal withdrawal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, withdrawal.id());
            insert.setObject(2, withdrawal.userId());
            insert.setLong(3, withdrawal.amount().units());
            insert.setString(4, withdrawal.amount().currency().name());
            insert.setString(5, withdrawal.addressGiven());
            insert.setString(6, withdrawal.addressRaw());
            insert.setString(7, withdrawal.network());
            insert.setString(8, withdrawal.status().dbName());
            insert.setObject(9, withdrawal.holdTransferId());
            insert.setString(10, withdrawal.idempotencyKey());
            insert.setTimestamp(11, Timestamp.from(withdrawal.createdAt()));
            insert.setTimestamp(12, Timestamp.from(withdrawal.updatedAt()));
            insert.executeUpdate();
        }
    }

    Optional<Withdrawal> find(Connection connection, UUID id) throws SQLException {
        return one(connection, BY_ID, id);
    }

    /** The row locked until the transaction ends: a decision or settlement made on its current status. */
    Optional<Withdrawal> lock(Connection connection, UUID id) throws SQLException {
        return one(connection, LOCK, id);
    }

    Optional<Withdrawal> byIdempotencyKey(Connection connection, UUID userId, String key) throws SQLException {
        return one(connection, BY_KEY, userId, key);
    }

    long sumSince(Connection connection, UUID userId, Currency currency, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SUM_SINCE)) {
            query.setObject(1, userId);
            query.setString(2, currency.name());
            query.setTimestamp(3, Timestamp.from(since));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The oldest withdrawal waiting to be sent, locked; one another sender holds is skipped. */
    Optional<Withdrawal> nextToSend(Connection connection) throws SQLException {
        return one(connection, NEXT_TO_SEND);
    }

    boolean anyInFlight(Connection connection) throws SQLException {
        return one(connection, IN_FLIGHT, row -> Boolean.TRUE).isPresent();
    }

    /** The seqno of the newest payout message the hot wallet executed; the next message needs a higher one. */
    Optional<Long> highestLandedSeqno(Connection connection) throws SQLException {
        return one(connection, HIGHEST_LANDED_SEQNO, row -> {
            long seqno = row.getLong(1);
            return row.wasNull() ? null : seqno;
        });
    }

    List<Withdrawal> onTheirWay(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ON_THEIR_WAY)) {
            return all(query);
        }
    }

    /** Records the signed message before it is sent; false when the withdrawal was decided otherwise meanwhile. */
    boolean recordMessage(Connection connection, UUID id, Withdrawal.SignedMessage message, Instant now) throws SQLException {
        return update(connection, RECORD_MESSAGE, message.seqno(), message.messageHash(), message.bodyHash(), message.boc(),
                Timestamp.from(message.validUntil()), Timestamp.from(message.signedAt()), Timestamp.from(now), id);
    }

    boolean landed(Connection connection, UUID id, String txHash, long txLt, Instant now) throws SQLException {
        return update(connection, LANDED, txHash, txLt, Timestamp.from(now), id);
    }

    /** Forgets a message that can no longer land, so the sender signs a new one. */
    boolean requeue(Connection connection, UUID id, Instant now) throws SQLException {
        return update(connection, REQUEUE, Timestamp.from(now), id);
    }

    /** Records an admin's decision; the status it leads to is set by {@link #move}. */
    void decide(Connection connection, UUID id, UUID adminId, String reason, Instant now) throws SQLException {
        update(connection, DECIDE, adminId, Timestamp.from(now), reason, Timestamp.from(now), id);
    }

    /** @param failureReason shown to the person; only for {@code failed} and {@code rejected} */
    void move(Connection connection, UUID id, WithdrawalStatus status, String failureReason, Instant now) throws SQLException {
        update(connection, MOVE, status.dbName(), failureReason, Timestamp.from(now), id);
    }

    long count(Connection connection, WithdrawalStatus status) throws SQLException {
        return one(connection, COUNT_IN_STATUS, row -> row.getLong(1), status.dbName()).orElseThrow();
    }

    /** Every status the withdrawal was in, oldest first, as the table's trigger recorded them. */
    List<WithdrawalCase.StatusChange> history(Connection connection, UUID id) throws SQLException {
        List<WithdrawalCase.StatusChange> changes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    changes.add(new WithdrawalCase.StatusChange(row.getString(1), instant(row, "at")));
                }
            }
        }
        return changes;
    }

    /** {@code held} while the hold is pending, {@code posted} once paid, {@code released} once voided. */
    String holdOutcome(Connection connection, UUID holdTransferId) throws SQLException {
        return one(connection, HOLD_SETTLEMENT, row -> "post-pending".equals(row.getString(1)) ? "posted" : "released", holdTransferId)
                .orElse("held");
    }

    /** One page of a person's withdrawals, newest first. */
    Page<Withdrawal> ofUser(Connection connection, UUID userId, String cursor, int limit) throws SQLException {
        return page(connection, "user_id = ?", userId, cursor, limit);
    }

    /** One page of the withdrawals in a status (all of them for {@code null}), newest first. */
    Page<Withdrawal> inStatus(Connection connection, WithdrawalStatus status, String cursor, int limit) throws SQLException {
        return status == null ? page(connection, null, null, cursor, limit) : page(connection, "status = ?", status.dbName(), cursor, limit);
    }

    /** @param filter a condition with one parameter, {@code value}; {@code null} for every row */
    private Page<Withdrawal> page(Connection connection, String filter, Object value, String cursor, int limit) throws SQLException {
        NewestFirstCursor after = NewestFirstCursor.parse(cursor);
        String sql = "SELECT " + COLUMNS + " FROM payments.withdrawal WHERE " + (filter == null ? "" : filter + " AND ")
                + "(created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int column = 1;
            if (filter != null) {
                query.setObject(column++, value);
            }
            query.setTimestamp(column++, Timestamp.from(after == null ? END_OF_TIME : after.createdAt()));
            query.setObject(column++, after == null ? LAST_ID : after.id());
            query.setInt(column, limit + 1);
            return Page.fromOneExtra(all(query), limit, withdrawal -> new NewestFirstCursor(withdrawal.createdAt(), withdrawal.id()).encoded());
        }
    }

    private static boolean update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate() == 1;
        }
    }

    private static Optional<Withdrawal> one(Connection connection, String sql, Object... parameters) throws SQLException {
        return one(connection, sql, WithdrawalStore::read, parameters);
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> Optional<T> one(Connection connection, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(reader.read(row)) : Optional.empty();
            }
        }
    }

    private static List<Withdrawal> all(PreparedStatement query) throws SQLException {
        List<Withdrawal> withdrawals = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                withdrawals.add(read(row));
            }
        }
        return withdrawals;
    }

    private static Withdrawal read(ResultSet row) throws SQLException {
        Currency currency = Currency.valueOf(row.getString("currency"));
        Withdrawal.SignedMessage message = row.getString("message_hash") == null ? null
                : new Withdrawal.SignedMessage(row.getLong("wallet_seqno"), row.getString("message_hash"), row.getString("message_body_hash"),
                        row.getString("message_boc"), instant(row, "valid_until"), instant(row, "signed_at"));
        long txLt = row.getLong("tx_lt");
        Long lt = row.wasNull() ? null : txLt;
        return new Withdrawal(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                Money.ofUnits(row.getLong("amount"), currency), row.getString("address_given"), row.getString("address_raw"),
                row.getString("network"), WithdrawalStatus.ofDbName(row.getString("status")), row.getObject("hold_transfer_id", UUID.class),
                row.getString("idempotency_key"), row.getLong("query_id"), message, row.getInt("attempts"), row.getString("tx_hash"), lt,
                row.getString("failure_reason"), row.getObject("decided_by", UUID.class), instant(row, "decided_at"),
                row.getString("decision_reason"), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
