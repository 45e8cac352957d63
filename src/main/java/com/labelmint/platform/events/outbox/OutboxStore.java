package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table, in plain JDBC: this is the hottest write path of the application and each
 * statement here runs in the caller's transaction (Agroal hands the transaction's connection).
 */
@ApplicationScoped
public class OutboxStore {

    private static final String CLAIM_COLUMNS = "SELECT id, type, version, payload::text, attempts FROM platform.outbox_event ";

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(UUID id, String type, int version, String payload, Instant occurredAt) {
        update("INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at) VALUES (?, ?, ?, ?::jsonb, ?)",
                statement -> {
                    statement.setObject(1, id);
                    statement.setString(2, type);
                    statement.setInt(3, version);
                    statement.setString(4, payload);
                    statement.setTimestamp(5, Timestamp.from(occurredAt));
                });
    }

    /**
     * Locks the given rows that are due, skipping rows another relay holds. The locks last until
     * the caller's transaction ends, which is what keeps two relays from delivering a row at once.
     */
    public List<StoredEvent> claim(Collection<UUID> ids) {
        return query(CLAIM_COLUMNS + "WHERE id = ANY (?) AND status IN ('PENDING', 'SENT') AND next_attempt_at <= now() "
                + "FOR UPDATE SKIP LOCKED", (connection, statement) -> statement.setArray(1, uuidArray(connection, ids)));
    }

    /** Locks up to {@code limit} due rows, oldest first, skipping rows another relay holds. */
    public List<StoredEvent> claimDue(int limit) {
        return query(CLAIM_COLUMNS + "WHERE status IN ('PENDING', 'SENT') AND next_attempt_at <= now() "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED", (connection, statement) -> statement.setInt(1, limit));
    }

    public void markDelivered(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            update("UPDATE platform.outbox_event SET status = 'DELIVERED', delivered_at = now(), attempts = attempts + 1, "
                    + "last_error = NULL WHERE id = ANY (?) AND status IN ('PENDING', 'SENT')", (connection, statement) ->
                    statement.setArray(1, uuidArray(connection, ids)));
        }
    }

    /**
     * The consumer's time starts now, when the broker has confirmed: {@code clock_timestamp()}, not
     * {@code now()}, which is when the relay's transaction began, before it waited for the confirms.
     */
    public void markSent(Collection<UUID> ids, Duration consumerTimeout) {
        if (!ids.isEmpty()) {
            update("UPDATE platform.outbox_event SET status = 'SENT', next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' "
                    + "WHERE id = ANY (?) AND status IN ('PENDING', 'SENT')", (connection, statement) -> {
                statement.setLong(1, consumerTimeout.toMillis());
                statement.setArray(2, uuidArray(connection, ids));
            });
        }
    }

    /** Records a failed attempt: back to PENDING after the backoff (from now, see {@link #markSent}), or parked as FAILED. */
    public void markFailed(UUID id, String error, Duration backoff, boolean park) {
        update("UPDATE platform.outbox_event SET status = ?, attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' WHERE id = ? AND status IN ('PENDING', 'SENT')", statement -> {
            statement.setString(1, park ? "FAILED" : "PENDING");
            statement.setString(2, truncate(error));
            statement.setLong(3, backoff.toMillis());
            statement.setObject(4, id);
        });
    }

    public void markDead(UUID id, String error) {
        update("UPDATE platform.outbox_event SET status = 'DEAD', attempts = attempts + 1, last_error = ? WHERE id = ?", statement -> {
            statement.setString(1, truncate(error));
            statement.setObject(2, id);
        });
    }

    /** Puts a FAILED or DEAD row back in line now; returns false when there was no such row. */
    public boolean requeue(UUID id) {
        return update("UPDATE platform.outbox_event SET status = 'PENDING', next_attempt_at = now() "
                + "WHERE id = ? AND status IN ('FAILED', 'DEAD')", statement -> statement.setObject(1, id)) == 1;
    }

    /** Deletes delivered rows older than the retention, and the inbox records they can no longer need. */
    public int purgeDeliveredBefore(Instant cutoff) {
        update("DELETE FROM platform.inbox WHERE handled_at < ?", statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
        return update("DELETE FROM platform.outbox_event WHERE status = 'DELIVERED' AND delivered_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface ConnectionBinder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return update(sql, (connection, statement) -> binder.bind(statement));
    }

    private int update(String sql, ConnectionBinder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException(sql, e);
        }
    }

    private List<StoredEvent> query(String sql, ConnectionBinder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            List<StoredEvent> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new StoredEvent(result.getObject(1, UUID.class), result.getString(2), result.getInt(3),
                            result.getString(4), result.getInt(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new OutboxException(sql, e);
        }
    }

    /** A database failure in the outbox; it rolls back the caller's transaction. */
    public static class OutboxException extends RuntimeException {
        OutboxException(String sql, SQLException cause) {
            super("Outbox statement failed: " + sql.substring(0, Math.min(sql.length(), 60)) + "...: " + cause.getMessage(), cause);
        }
    }
}
