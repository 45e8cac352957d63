package com.labelmint.notifications.follow;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The projects a labeler follows, to hear when they have tasks; only projects that hand out tasks to them. */
@ApplicationScoped
class Follows {

    private final DataSource dataSource;
    private final ProjectsApi projects;

    Follows(DataSource dataSource, ProjectsApi projects) {
        this.dataSource = dataSource;
        this.projects = projects;
    }

    /** Follows a project that is open to the labeler (active or paused); any other is not found. Following twice is once. */
    void follow(UUID labelerId, UUID projectId) throws SQLException {
        projects.find(projectId).filter(project -> openTo(project, labelerId))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notifications.follow (user_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, labelerId);
            insert.setObject(2, projectId);
            insert.executeUpdate();
        }
    }

    void unfollow(UUID labelerId, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM notifications.follow WHERE user_id = ? AND project_id = ?")) {
            delete.setObject(1, labelerId);
            delete.setObject(2, projectId);
            delete.executeUpdate();
        }
    }

    List<FollowView> of(UUID labelerId) throws SQLException {
        List<FollowView> follows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT project_id, created_at FROM notifications.follow WHERE user_id = ? ORDER BY created_at, project_id")) {
            query.setObject(1, labelerId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID projectId = rows.getObject(1, UUID.class);
                    Instant since = rows.getTimestamp(2).toInstant();
                    follows.add(new FollowView(projectId, projects.find(projectId).map(ProjectView::name).orElse(null), since));
                }
            }
        }
        return follows;
    }

    private static boolean openTo(ProjectView project, UUID labelerId) {
        return (project.status() == ProjectStatus.ACTIVE || project.status() == ProjectStatus.PAUSED)
                && project.members().admitsLabeler(labelerId);
    }

    /** A followed project: its name ({@code null} once it is gone) and since when it is followed. */
    record FollowView(UUID projectId, String name, Instant since) {
    }
}
