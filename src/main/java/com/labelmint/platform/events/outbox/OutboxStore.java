package com.labelmint.platform.events.outbox;

import com.labelmint.platform.jdbc.SingleStatements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
    /**
     * "Still in flight" for statements that name their rows by id. Said as {@code status IN ('PENDING', 'SENT')} it
     * would let the planner answer them from the partial index of due rows ({@code outbox_event_due}) and scan every
     * pending row for the few ids asked: a queue table's statistics lag behind its churn, so the planner believes
     * that index tiny exactly when a backlog has made it large (bench/RESULTS.md: 264 ms per claim of 74 ids with
     * 80 000 pending, 0.7 ms by primary key). The negation means the same rows and leaves the primary key the only path.
     */
    private static final String IN_FLIGHT_BY_ID = "status NOT IN ('DELIVERED', 'FAILED', 'DEAD')";

    private final SingleStatements statements;

    OutboxStore(DataSource dataSource) {
        this.statements = new SingleStatements(dataSource, "Outbox");
    }

    public void insert(UUID id, String type, int version, String payload, Instant occurredAt) {
        statements.update("INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at) VALUES (?, ?, ?, ?::jsonb, ?)",
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
        return statements.list(CLAIM_COLUMNS + "WHERE id = ANY (?) AND " + IN_FLIGHT_BY_ID + " AND next_attempt_at <= now() "
                + "FOR UPDATE SKIP LOCKED", (connection, statement) -> statement.setArray(1, uuidArray(connection, ids)),
                OutboxStore::storedEvent);
    }

    /** Locks up to {@code limit} due rows, oldest first, skipping rows another relay holds. */
    public List<StoredEvent> claimDue(int limit) {
        return statements.list(CLAIM_COLUMNS + "WHERE status IN ('PENDING', 'SENT') AND next_attempt_at <= now() "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED", statement -> statement.setInt(1, limit),
                OutboxStore::storedEvent);
    }

    public void markDelivered(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            statements.update("UPDATE platform.outbox_event SET status = 'DELIVERED', delivered_at = now(), attempts = attempts + 1, "
                    + "last_error = NULL WHERE id = ANY (?) AND " + IN_FLIGHT_BY_ID, (connection, statement) ->
                    statement.setArray(1, uuidArray(connection, ids)));
        }
    }

    /**
     * The consumer's time starts now, when the broker has confirmed: {@code clock_timestamp()}, not
     * {@code now()}, which is when the relay's transaction began, before it waited for the confirms.
     */
    public void markSent(Collection<UUID> ids, Duration consumerTimeout) {
        if (!ids.isEmpty()) {
            statements.update("UPDATE platform.outbox_event SET status = 'SENT', next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' "
                    + "WHERE id = ANY (?) AND " + IN_FLIGHT_BY_ID, (connection, statement) -> {
                statement.setLong(1, consumerTimeout.toMillis());
                statement.setArray(2, uuidArray(connection, ids));
            });
        }
    }

    /** Puts rows back in line after {@code wait}, their attempts untouched: nothing was wrong with them. */
    public void markPostponed(Collection<UUID> ids, String reason, Duration wait) {
        if (!ids.isEmpty()) {
            statements.update("UPDATE platform.outbox_event SET status = 'PENDING', last_error = ?, "
                    + "next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' WHERE id = ANY (?) AND "
                    + IN_FLIGHT_BY_ID, (connection, statement) -> {
                statement.setString(1, truncate(reason));
                statement.setLong(2, wait.toMillis());
                statement.setArray(3, uuidArray(connection, ids));
            });
        }
    }

    /** Records a failed attempt: back to PENDING after the backoff (from now, see {@link #markSent}), or parked as FAILED. */
    public void markFailed(UUID id, String error, Duration backoff, boolean park) {
        statements.update("UPDATE platform.outbox_event SET status = ?, attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' WHERE id = ? AND " + IN_FLIGHT_BY_ID, statement -> {
            statement.setString(1, park ? "FAILED" : "PENDING");
            statement.setString(2, truncate(error));
            statement.setLong(3, backoff.toMillis());
            statement.setObject(4, id);
        });
    }

    public void markDead(UUID id, String error) {
        statements.update("UPDATE platform.outbox_event SET status = 'DEAD', attempts = attempts + 1, last_error = ? WHERE id = ?", statement -> {
            statement.setString(1, truncate(error));
            statement.setObject(2, id);
        });
    }

    /** Puts a FAILED or DEAD row back in line now; returns false when there was no such row. */
    public boolean requeue(UUID id) {
        return statements.update("UPDATE platform.outbox_event SET status = 'PENDING', next_attempt_at = now() "
                + "WHERE id = ? AND status IN ('FAILED', 'DEAD')", statement -> statement.setObject(1, id)) == 1;
    }

    /** Deletes delivered rows older than the retention, and the inbox records they can no longer need. */
    public int purgeDeliveredBefore(Instant cutoff) {
        statements.update("DELETE FROM platform.inbox WHERE handled_at < ?", statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
        return statements.update("DELETE FROM platform.outbox_event WHERE status = 'DELIVERED' AND delivered_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static StoredEvent storedEvent(ResultSet row) throws SQLException {
        return new StoredEvent(row.getObject(1, UUID.class), row.getString(2), row.getInt(3), row.getString(4), row.getInt(5));
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}
