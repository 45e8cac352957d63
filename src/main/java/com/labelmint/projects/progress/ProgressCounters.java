package com.labelmint.projects.progress;

import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.projects.api.ProjectProgress;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemFullyAnswered;
import com.labelmint.tasks.api.ItemsImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keeps each project's progress row from the queue's events, so reading progress never counts items. Each event
 * adds to the counters once: the event bus's inbox makes a redelivered event a no-op.
 */
@ApplicationScoped
public class ProgressCounters {

    private static final String ADD = """
            INSERT INTO projects.progress AS p (project_id, items, gold_items, answers, items_answered, items_labelled)
            SELECT id, ?, ?, ?, ?, ? FROM projects.project WHERE id = ?
            ON CONFLICT (project_id) DO UPDATE SET items = p.items + excluded.items, gold_items = p.gold_items + excluded.gold_items,
                answers = p.answers + excluded.answers, items_answered = p.items_answered + excluded.items_answered,
                items_labelled = p.items_labelled + excluded.items_labelled, updated_at = now()""";

    private static final String READ = """
            SELECT items, gold_items, answers, items_answered, items_labelled, updated_at FROM projects.progress WHERE project_id = ?""";

    private final DataSource dataSource;

    ProgressCounters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(@Observes ItemsImported imported) throws SQLException {
        add(imported.projectId(), new Counts(imported.items(), imported.goldItems(), 0, 0, 0));
    }

    void on(@Observes AnswerSubmitted answered) throws SQLException {
        add(answered.projectId(), new Counts(0, 0, 1, 0, 0));
    }

    /** An item reopened for more answers was counted when it first went to consensus. */
    void on(@Observes ItemFullyAnswered complete) throws SQLException {
        if (!complete.reopened()) {
            add(complete.projectId(), new Counts(0, 0, 0, 1, 0));
        }
    }

    /** A label a dispute changed was counted when the item was first labelled. */
    void on(@Observes ItemLabelled labelled) throws SQLException {
        if (!labelled.relabelled()) {
            add(labelled.projectId(), new Counts(0, 0, 0, 0, 1));
        }
    }

    public Optional<ProjectProgress> read(UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(READ)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new ProjectProgress(projectId, row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getTimestamp(6).toInstant())) : Optional.empty();
            }
        }
    }

    private record Counts(long items, long goldItems, long answers, long itemsAnswered, long itemsLabelled) {
    }

    private void add(UUID projectId, Counts counts) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setLong(1, counts.items());
            add.setLong(2, counts.goldItems());
            add.setLong(3, counts.answers());
            add.setLong(4, counts.itemsAnswered());
            add.setLong(5, counts.itemsLabelled());
            add.setObject(6, projectId);
            add.executeUpdate();
        }
    }
}
