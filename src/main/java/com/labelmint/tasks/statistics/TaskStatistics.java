package com.labelmint.tasks.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.tasks.api.ItemData;
import com.labelmint.tasks.api.Workload;
import com.labelmint.tasks.asset.AssetReferences;
import com.labelmint.tasks.project.ProjectCopies;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The labeling floor for operators, read from the queue's own tables ({@code TasksApi} answers with it). */
@ApplicationScoped
public class TaskStatistics {

    private static final String WORKLOAD = "SELECT "
            + "(SELECT count(DISTINCT labeler_id) FROM tasks.lease WHERE state = 'active' AND expires_at > ?), "
            + "(SELECT count(*) FROM tasks.answer WHERE submitted_at > CAST(? AS timestamptz) - interval '1 minute'), "
            + "(SELECT count(*) FROM tasks.item WHERE state = 'open' AND gold_answer IS NULL)";
    private static final String ANSWERS_PER_HOUR = "SELECT slot.start, count(answer.id) "
            + "FROM generate_series(date_trunc('hour', CAST(? AS timestamptz)) - make_interval(hours => ? - 1), "
            + "date_trunc('hour', CAST(? AS timestamptz)), interval '1 hour') AS slot(start) "
            + "LEFT JOIN tasks.answer answer ON answer.submitted_at >= slot.start AND answer.submitted_at < slot.start + interval '1 hour' "
            + "GROUP BY slot.start ORDER BY slot.start";

    private final DataSource dataSource;
    private final ProjectCopies projects;
    private final AssetReferences assets;
    private final ObjectMapper json;
    private final Clock clock;

    TaskStatistics(DataSource dataSource, ProjectCopies projects, AssetReferences assets, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.assets = assets;
        this.json = json;
        this.clock = clock;
    }

    public Workload workload() {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(WORKLOAD)) {
            query.setTimestamp(1, now);
            query.setTimestamp(2, now);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Workload(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The workload could not be read", e);
        }
    }

    public List<Long> answersPerHour(int hours) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ANSWERS_PER_HOUR)) {
            query.setTimestamp(1, Timestamp.from(now));
            query.setInt(2, hours);
            query.setTimestamp(3, Timestamp.from(now));
            List<Long> counts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Answers per hour could not be read", e);
        }
    }

    /** The item's data as stored, and links to the images it refers to (read with the queue's copy of the project's fields). */
    public Optional<ItemData> itemData(long itemId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT project_id, data::text FROM tasks.item WHERE id = ?")) {
            query.setLong(1, itemId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID projectId = row.getObject(1, UUID.class);
                String data = row.getString(2);
                Map<String, String> links = assets.imageLinks(projectId, projects.find(connection, projectId).schema().dataFields(),
                        json.readTree(data));
                return Optional.of(new ItemData(data, links.entrySet().stream()
                        .map(link -> new ItemData.Image(link.getKey(), link.getValue())).toList()));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Item " + itemId + " could not be read", e);
        }
    }
}
