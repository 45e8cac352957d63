package com.labelmint.consensus.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crowd's baseline per project, measured over its latest answers (an index range, never the whole project) and
 * reused for {@code labelmint.consensus.fraud.crowd.refresh}: what is typical of a crowd moves slowly, and the
 * answers of a busy project should not all read the same rows again.
 */
@ApplicationScoped
class CrowdBaselines {

    private static final String MEASURE = """
            WITH recent AS (
                SELECT duration_ms, md5(value::text) AS fingerprint FROM consensus.answer
                WHERE project_id = ? AND verdict IS DISTINCT FROM 'void' ORDER BY submitted_at DESC LIMIT ?)
            SELECT count(*), coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_ms), 0),
                   coalesce((SELECT max(answers) FROM (SELECT count(*) AS answers FROM recent GROUP BY fingerprint) per_value), 0)
            FROM recent""";

    private record Measured(CrowdBaseline baseline, Instant at) {
    }

    private final FraudConfig config;
    private final Map<UUID, Measured> measured = new ConcurrentHashMap<>();

    CrowdBaselines(FraudConfig config) {
        this.config = config;
    }

    CrowdBaseline of(Connection connection, UUID projectId, Instant now) throws SQLException {
        Measured last = measured.get(projectId);
        if (last != null && now.isBefore(last.at().plus(config.crowd().refresh()))) {
            return last.baseline();
        }
        CrowdBaseline fresh = measure(connection, projectId);
        measured.put(projectId, new Measured(fresh, now));
        return fresh;
    }

    private CrowdBaseline measure(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(MEASURE)) {
            query.setObject(1, projectId);
            query.setInt(2, config.crowd().window());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int answers = row.getInt(1);
                return new CrowdBaseline(answers, row.getLong(2), answers == 0 ? 0 : (double) row.getLong(3) / answers);
            }
        }
    }
}
