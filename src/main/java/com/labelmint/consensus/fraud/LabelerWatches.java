package com.labelmint.consensus.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.tasks.api.AnswerSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code consensus.labeler_watch}: each labeler's bounded windows per project. One statement per answer appends it
 * and cuts the windows back to their sizes, so the cost of an answer never grows with the labeler's history.
 */
@ApplicationScoped
class LabelerWatches {

    /** A window of size w keeps the last w elements: of n + 1, those from n + 2 - w on. */
    private static final String RECORD = """
            INSERT INTO consensus.labeler_watch AS w (project_id, labeler_id, recent_values, recent_durations, gold_streak, updated_at)
            VALUES (?, ?, ARRAY[md5(cast(? AS jsonb)::text)], ARRAY[?::bigint], ?, ?)
            ON CONFLICT (project_id, labeler_id) DO UPDATE SET
                recent_values = (w.recent_values || excluded.recent_values)[greatest(1, cardinality(w.recent_values) + 2 - ?):],
                recent_durations = (w.recent_durations || excluded.recent_durations)[greatest(1, cardinality(w.recent_durations) + 2 - ?):],
                gold_streak = CASE WHEN ? THEN 0 ELSE w.gold_streak + excluded.gold_streak END,
                updated_at = excluded.updated_at
            RETURNING recent_values, recent_durations, gold_streak, excluded_at IS NOT NULL""";

    private static final String RESTART = """
            UPDATE consensus.labeler_watch SET recent_values = '{}', recent_durations = '{}', gold_streak = 0,
                excluded_at = CASE WHEN ? THEN coalesce(excluded_at, ?) ELSE excluded_at END, updated_at = ?
            WHERE project_id = ? AND labeler_id = ?""";

    private final FraudConfig config;
    private final ObjectMapper json;

    LabelerWatches(FraudConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Adds the answer to its labeler's windows; the windows as they now are. */
    LabelerWindows record(Connection connection, AnswerSubmitted answer, GoldResult gold, Instant now) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setObject(1, answer.projectId());
            record.setObject(2, answer.labelerId());
            record.setString(3, text(answer));
            record.setLong(4, answer.durationMs());
            record.setInt(5, gold == GoldResult.WRONG ? 1 : 0);
            record.setTimestamp(6, Timestamp.from(now));
            record.setInt(7, config.constant().window());
            record.setInt(8, config.speed().window());
            record.setBoolean(9, gold == GoldResult.RIGHT);
            try (ResultSet row = record.executeQuery()) {
                row.next();
                List<String> values = Arrays.asList((String[]) row.getArray(1).getArray());
                long[] durations = Arrays.stream((Long[]) row.getArray(2).getArray()).mapToLong(Long::longValue).toArray();
                return new LabelerWindows(values, durations, row.getInt(3), row.getBoolean(4));
            }
        }
    }

    /**
     * After a flag: the windows start empty, so a labeler who keeps working (a warning) is flagged again only on
     * fresh evidence; {@code exclude} makes every later answer of theirs in the project void.
     */
    void restart(Connection connection, UUID projectId, UUID labelerId, boolean exclude, Instant now) throws SQLException {
        try (PreparedStatement restart = connection.prepareStatement(RESTART)) {
            restart.setBoolean(1, exclude);
            restart.setTimestamp(2, Timestamp.from(now));
            restart.setTimestamp(3, Timestamp.from(now));
            restart.setObject(4, projectId);
            restart.setObject(5, labelerId);
            restart.executeUpdate();
        }
    }

    private String text(AnswerSubmitted answer) {
        try {
            return json.writeValueAsString(answer.answer());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
