package com.labelmint.scenario;

import com.labelmint.testing.process.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox as an operator reads it (platform.outbox_event): events waiting (PENDING or SENT: what the
 * {@code labelmint_events_backlog} gauge counts, read here at once instead of every 15 s), parked (FAILED, DEAD), and
 * how many of the waiting ones were put back because the broker was away (a delivery clears the row's last error).
 */
record OutboxCounts(long waiting, long parked, long waitingForTheBroker) {

    static OutboxCounts read(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENT')),
                            count(*) FILTER (WHERE status IN ('FAILED', 'DEAD')),
                            count(*) FILTER (WHERE status IN ('PENDING', 'SENT') AND last_error LIKE 'Broker away%')
                     FROM platform.outbox_event""")) {
            row.next();
            return new OutboxCounts(row.getLong(1), row.getLong(2), row.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox", e);
        }
    }

    /** The database's clock now, in microseconds since the epoch: a mark to compare recording times with. */
    static long now(TestDatabase database) {
        return database.queryLong("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
    }

    /** Events recorded up to {@code markMicros} ({@link #now}) that are still waiting. */
    static long waitingSince(TestDatabase database, long markMicros) {
        return database.queryLong("SELECT count(*) FROM platform.outbox_event WHERE status IN ('PENDING', 'SENT') "
                + "AND recorded_at <= to_timestamp(? / 1000000.0)", markMicros);
    }
}
