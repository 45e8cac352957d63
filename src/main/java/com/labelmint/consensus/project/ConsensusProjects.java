package com.labelmint.consensus.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectChanged;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Consensus's own copy of every project, kept from {@link ProjectChanged}, replaced only by a newer version so
 * that late or repeated events change nothing. Read views are cached per project version.
 */
@ApplicationScoped
public class ConsensusProjects {

    private static final String UPSERT = """
            INSERT INTO consensus.project (id, version, view) VALUES (?, ?, cast(? AS jsonb))
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, view = excluded.view
            WHERE consensus.project.version < excluded.version""";

    private static final String ONE = "SELECT version, view::text FROM consensus.project WHERE id = ?";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<UUID, ProjectView> parsed = new ConcurrentHashMap<>();

    ConsensusProjects(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void on(@Observes ProjectChanged changed) throws SQLException, JsonProcessingException {
        ProjectView project = changed.project();
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, project.id());
            upsert.setLong(2, project.version());
            upsert.setString(3, json.writeValueAsString(project));
            upsert.executeUpdate();
        }
    }

    public Optional<ProjectView> find(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(view(projectId, row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    public ProjectView get(Connection connection, UUID projectId) throws SQLException {
        return find(connection, projectId)
                .orElseThrow(() -> new IllegalStateException("Consensus has no copy of project " + projectId));
    }

    /** The project's copy, if the caller manages it (or is an admin); otherwise it does not exist for them. */
    public ProjectView managedBy(Connection connection, UUID accountId, boolean admin, UUID projectId) throws SQLException {
        return find(connection, projectId).filter(project -> admin || project.managedBy(accountId))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    private ProjectView view(UUID id, long version, String text) {
        ProjectView cached = parsed.get(id);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        try {
            ProjectView fresh = json.readValue(text, ProjectView.class);
            parsed.put(id, fresh);
            return fresh;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored project copy is unreadable", e);
        }
    }
}
