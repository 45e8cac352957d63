package com.labelmint.tasks;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Items put straight into the queue's tables, for tests of the queue itself (the import has its own tests), and
 * a wait for the queue's copy of a project to catch up with the projects module.
 */
public final class QueueFixtures {

    private QueueFixtures() {
    }

    public static List<Long> items(DataSource dataSource, UUID projectId, int count, int answersNeeded) throws SQLException {
        return insert(dataSource, projectId, count, answersNeeded, null);
    }

    public static List<Long> goldItems(DataSource dataSource, UUID projectId, int count, String goldAnswer) throws SQLException {
        return insert(dataSource, projectId, count, 1, goldAnswer);
    }

    /**
     * Takes every project the suite made before out of the queue's copy, so a test's labelers see only the projects
     * the test makes. All test classes share one database, and a labeler is offered any active project open to them.
     * Only the queue's copy changes: earlier tests are finished with their projects.
     */
    public static void onlyNewProjectsHandOutTasks(DataSource dataSource) throws SQLException {
        execute(dataSource, "UPDATE tasks.project SET status = 'paused' WHERE status = 'active'");
    }

    public static void awaitQueueSees(DataSource dataSource, UUID projectId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(queueStatus(dataSource, projectId)));
    }

    public static long count(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public static void execute(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<Long> insert(DataSource dataSource, UUID projectId, int count, int answersNeeded, String goldAnswer)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tasks.item (project_id, data, gold_answer, answers_needed) VALUES (?, cast(? AS jsonb), cast(? AS jsonb), ?) RETURNING id")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, projectId);
                insert.setString(2, "{\"text\": \"review number " + i + "\"}");
                insert.setString(3, goldAnswer);
                insert.setInt(4, answersNeeded);
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    ids.add(id.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String queueStatus(DataSource dataSource, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM tasks.project WHERE id = ?")) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
