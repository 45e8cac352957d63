package com.labelmint.platform.events.canary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;

/** Listens to canary events and keeps a receipt of each delivery; reports on a batch. */
@ApplicationScoped
public class CanaryReceipts {

    private final DataSource dataSource;

    CanaryReceipts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onCanary(@Observes CanaryEvent canary) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO platform.event_canary_receipt (event_id, batch_id, sequence, occurred_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, canary.eventId());
            insert.setObject(2, canary.batchId());
            insert.setInt(3, canary.sequence());
            insert.setTimestamp(4, Timestamp.from(canary.occurredAt()));
            insert.executeUpdate();
        }
    }

    public BatchReport report(UUID batchId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*), count(DISTINCT event_id),
                            coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at)), 0) * 1000,
                            coalesce(max(extract(epoch FROM received_at - occurred_at)), 0) * 1000
                     FROM platform.event_canary_receipt WHERE batch_id = ?""")) {
            query.setObject(1, batchId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new BatchReport(batchId, result.getLong(1), result.getLong(2), result.getDouble(3), result.getDouble(4));
            }
        }
    }

    /** Deliveries of a batch; {@code receipts > distinctEvents} would mean a listener ran twice. */
    public record BatchReport(UUID batchId, long receipts, long distinctEvents, double medianLatencyMs, double maxLatencyMs) {
    }
}
