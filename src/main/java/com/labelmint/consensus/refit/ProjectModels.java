package com.labelmint.consensus.refit;

import com.labelmint.consensus.aggregation.ItemAggregators;
import com.labelmint.consensus.aggregation.LabelerModel;
import com.labelmint.consensus.engine.DawidSkeneModel;
import com.labelmint.consensus.engine.DawidSkeneResult;
import com.labelmint.platform.jdbc.SqlArrays;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Each project's last fitted Dawid–Skene model, stored and read back (cached until a newer fit replaces it). */
@ApplicationScoped
public class ProjectModels {

    private static final String SAVE = """
            INSERT INTO consensus.project_model AS m (project_id, fitted_at, answers, items, iterations, converged, log_likelihood,
                                                     class_count, labelers, log_priors, log_confusion)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id) DO UPDATE SET fitted_at = excluded.fitted_at, answers = excluded.answers,
                items = excluded.items, iterations = excluded.iterations, converged = excluded.converged,
                log_likelihood = excluded.log_likelihood, class_count = excluded.class_count, labelers = excluded.labelers,
                log_priors = excluded.log_priors, log_confusion = excluded.log_confusion
            WHERE m.fitted_at < excluded.fitted_at""";

    private static final String FITTED_AT = "SELECT fitted_at FROM consensus.project_model WHERE project_id = ?";

    private static final String LOAD = """
            SELECT fitted_at, class_count, labelers, log_priors, log_confusion FROM consensus.project_model WHERE project_id = ?""";

    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Instant fittedAt, LabelerModel model) {
    }

    void save(Connection connection, UUID projectId, Instant fittedAt, int items, List<UUID> labelers, DawidSkeneResult fit,
              int answers) throws SQLException {
        DawidSkeneModel model = fit.model();
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            save.setObject(1, projectId);
            save.setTimestamp(2, Timestamp.from(fittedAt));
            save.setInt(3, answers);
            save.setInt(4, items);
            save.setInt(5, fit.iterations());
            save.setBoolean(6, fit.converged());
            save.setDouble(7, fit.logLikelihood());
            save.setInt(8, model.classCount());
            save.setArray(9, connection.createArrayOf("uuid", labelers.toArray()));
            save.setArray(10, connection.createArrayOf("float8", SqlArrays.boxed(model.logPriors())));
            save.setArray(11, connection.createArrayOf("float8", SqlArrays.boxed(model.logConfusion())));
            save.executeUpdate();
        }
    }

    /** The project's model for scoring items, or one that knows nobody when no pass has run. */
    public LabelerModel labelerModel(Connection connection, ProjectView project) throws SQLException {
        int classes = Math.max(1, ItemAggregators.classCount(project.schema().label()));
        if (project.settings().aggregation() != AggregationMethod.DS) {
            return LabelerModel.none(classes); // only Dawid–Skene scores with a model: spare the lookup on every answer
        }
        Instant fittedAt = fittedAt(connection, project.id());
        if (fittedAt == null) {
            return LabelerModel.none(classes);
        }
        Cached cached = cache.get(project.id());
        if (cached != null && cached.fittedAt().equals(fittedAt)) {
            return cached.model();
        }
        Cached fresh = load(connection, project.id());
        cache.put(project.id(), fresh);
        return fresh.model();
    }

    private static Instant fittedAt(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FITTED_AT)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static Cached load(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOAD)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                UUID[] labelers = (UUID[]) row.getArray(3).getArray();
                Map<UUID, Integer> codes = new HashMap<>();
                for (int code = 0; code < labelers.length; code++) {
                    codes.put(labelers[code], code);
                }
                DawidSkeneModel model = DawidSkeneModel.restore(row.getInt(2), labelers.length, SqlArrays.doubles(row.getArray(4)),
                        SqlArrays.doubles(row.getArray(5)));
                return new Cached(row.getTimestamp(1).toInstant(), new LabelerModel(model, codes));
            }
        }
    }
}
