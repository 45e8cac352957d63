package com.labelmint.tasks.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.ProjectChanged;
import com.labelmint.projects.api.ProjectMembers;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The queue's own copy of every project, kept from {@link ProjectChanged}: the hot path reads it in its own
 * schema instead of calling the projects module on every request. A copy is replaced only by a newer
 * version, so late or repeated events change nothing. Parsed schemas are cached per project version.
 */
@ApplicationScoped
public class ProjectCopies {

    private static final String UPSERT = """
            INSERT INTO tasks.project (id, version, owner_id, name, instructions, status, schema, overlap, max_overlap,
                                       lease_seconds, gold_rate, priority, required_skills, open_to_all, allowed_labelers)
            VALUES (?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, owner_id = excluded.owner_id, name = excluded.name,
                instructions = excluded.instructions, status = excluded.status, schema = excluded.schema,
                overlap = excluded.overlap, max_overlap = excluded.max_overlap, lease_seconds = excluded.lease_seconds,
                gold_rate = excluded.gold_rate, priority = excluded.priority, required_skills = excluded.required_skills,
                open_to_all = excluded.open_to_all, allowed_labelers = excluded.allowed_labelers
            WHERE tasks.project.version < excluded.version""";

    /** Active projects this labeler may work on and is not excluded from, the most urgent first. */
    private static final String WORKABLE = """
            SELECT id, version, name, instructions, schema::text, lease_seconds, gold_rate FROM tasks.project p
            WHERE status = 'active' AND (open_to_all OR ? = ANY (allowed_labelers)) AND required_skills <@ ?
              AND NOT EXISTS (SELECT 1 FROM tasks.exclusion x WHERE x.labeler_id = ? AND x.project_id = p.id)
            ORDER BY priority DESC, id""";

    private static final String ONE = """
            SELECT id, version, name, instructions, schema::text, lease_seconds, gold_rate FROM tasks.project WHERE id = ?""";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<UUID, QueueProject> parsed = new ConcurrentHashMap<>();

    ProjectCopies(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void on(@Observes ProjectChanged changed) throws SQLException, JsonProcessingException {
        ProjectView project = changed.project();
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, project.id());
            upsert.setLong(2, project.version());
            upsert.setObject(3, project.ownerId());
            upsert.setString(4, project.name());
            upsert.setString(5, project.instructions());
            upsert.setString(6, project.status().wireName());
            upsert.setString(7, json.writeValueAsString(project.schema()));
            upsert.setInt(8, project.settings().overlap());
            upsert.setInt(9, project.settings().maxOverlap());
            upsert.setInt(10, project.settings().leaseSeconds());
            upsert.setDouble(11, project.settings().goldRate());
            upsert.setInt(12, project.settings().priority());
            upsert.setArray(13, connection.createArrayOf("text", project.settings().requiredSkills().toArray()));
            upsert.setBoolean(14, project.members().labelerAccess() == ProjectMembers.LabelerAccess.OPEN);
            upsert.setArray(15, connection.createArrayOf("uuid", project.members().allowedLabelers().toArray()));
            upsert.executeUpdate();
        }
    }

    /** Must run inside the caller's transaction, on its connection. */
    public List<QueueProject> workableBy(Connection connection, UUID labelerId, Set<String> skills) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(WORKABLE)) {
            query.setObject(1, labelerId);
            query.setArray(2, connection.createArrayOf("text", skills.toArray()));
            query.setObject(3, labelerId);
            try (ResultSet rows = query.executeQuery()) {
                List<QueueProject> projects = new ArrayList<>();
                while (rows.next()) {
                    projects.add(project(rows));
                }
                return projects;
            }
        }
    }

    public QueueProject find(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setObject(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("The queue has no copy of project " + projectId);
                }
                return project(rows);
            }
        }
    }

    private QueueProject project(ResultSet row) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        long version = row.getLong(2);
        QueueProject cached = parsed.get(id);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        QueueProject fresh = new QueueProject(id, version, row.getString(3), row.getString(4), schema(row.getString(5)),
                row.getInt(6), row.getDouble(7));
        parsed.put(id, fresh);
        return fresh;
    }

    private LabelSchema schema(String text) {
        try {
            return json.readValue(text, LabelSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored schema is unreadable", e);
        }
    }
}
