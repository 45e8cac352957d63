package com.labelmint.tasks.queue;

import com.labelmint.consensus.api.LabelerFlagged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * A labeler consensus excluded from a project ({@link LabelerFlagged}, every action but a warning) gets none of its
 * tasks any more: the exclusion is recorded for the next-task pick, and the leases they hold in the project are
 * taken back, their items' slots freed for others. An answer sent under a lease taken back is refused as for an
 * ended lease.
 */
@ApplicationScoped
class ProjectExclusions {

    private static final String EXCLUDE = """
            INSERT INTO tasks.exclusion (labeler_id, project_id, excluded_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""";

    /** One lease per labeler and item, so each item gets at most one slot back. */
    private static final String REVOKE_LEASES = """
            WITH revoked AS (
                UPDATE tasks.lease SET state = 'revoked' WHERE labeler_id = ? AND project_id = ? AND state = 'active'
                RETURNING item_id)
            UPDATE tasks.item i SET leases_active = i.leases_active - 1
            FROM revoked WHERE i.id = revoked.item_id AND i.gold_answer IS NULL""";

    private final DataSource dataSource;

    ProjectExclusions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(@Observes LabelerFlagged flagged) throws SQLException {
        if (!flagged.excludesLabeler()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            // a next-task call of this labeler in flight either finishes first (its lease is taken back below) or sees the exclusion
            LabelerLock.lock(connection, flagged.labelerId());
            try (PreparedStatement exclude = connection.prepareStatement(EXCLUDE)) {
                exclude.setObject(1, flagged.labelerId());
                exclude.setObject(2, flagged.projectId());
                exclude.setTimestamp(3, Timestamp.from(flagged.occurredAt()));
                exclude.executeUpdate();
            }
            try (PreparedStatement revoke = connection.prepareStatement(REVOKE_LEASES)) {
                revoke.setObject(1, flagged.labelerId());
                revoke.setObject(2, flagged.projectId());
                revoke.executeUpdate();
            }
        }
    }
}
