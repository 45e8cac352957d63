package com.labelmint.tasks.queue;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Ends leases whose time ran out and gives their items' slots back to the queue. An expired lease can never
 * answer even before this runs (the answer checks the time itself); the sweep only frees the slot. Replicas may
 * sweep at once: each takes different leases ({@code SKIP LOCKED}).
 */
@ApplicationScoped
public class LeaseSweeper {

    static final int BATCH = 1000;

    private static final String EXPIRE = """
            WITH expired AS (
                UPDATE tasks.lease SET state = 'expired'
                WHERE id IN (SELECT id FROM tasks.lease WHERE state = 'active' AND expires_at <= now()
                             ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING item_id),
            per_item AS (SELECT item_id, count(*) AS leases FROM expired GROUP BY item_id)
            UPDATE tasks.item i SET leases_active = i.leases_active - per_item.leases
            FROM per_item WHERE i.id = per_item.item_id AND i.gold_answer IS NULL""";

    private final DataSource dataSource;

    LeaseSweeper(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "${labelmint.tasks.lease-sweep-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepRegularly() throws SQLException {
        while (sweep() > 0) {
            // a backlog after downtime is worked off in batches, each its own short transaction
        }
    }

    /** Expires one batch of leases; returns how many items got slots back. */
    @Transactional
    public int sweep() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement expire = connection.prepareStatement(EXPIRE)) {
            expire.setInt(1, BATCH);
            return expire.executeUpdate();
        }
    }
}
