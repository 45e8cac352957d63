package com.labelmint.tasks.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.consensus.api.MoreAnswersRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What consensus decides about items, applied to the queue: an item consensus is unsure of is reopened for the
 * answers it asks for (dynamic overlap), and a decided item keeps its label for the export.
 */
@ApplicationScoped
public class ConsensusOutcomes {

    /** Only ever raises the need: a late or repeated request for fewer answers changes nothing. */
    private static final String REOPEN = """
            UPDATE tasks.item SET answers_needed = ? WHERE id = ? AND project_id = ? AND gold_answer IS NULL AND answers_needed < ?""";

    private static final String LABEL = """
            UPDATE tasks.item SET label = cast(? AS jsonb), label_confidence = ?, label_method = ? WHERE id = ? AND project_id = ?""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    ConsensusOutcomes(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void on(@Observes MoreAnswersRequested requested) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement reopen = connection.prepareStatement(REOPEN)) {
            reopen.setInt(1, requested.answersNeeded());
            reopen.setLong(2, requested.itemId());
            reopen.setObject(3, requested.projectId());
            reopen.setInt(4, requested.answersNeeded());
            reopen.executeUpdate();
        }
    }

    void on(@Observes ItemLabelled labelled) throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement label = connection.prepareStatement(LABEL)) {
            label.setString(1, json.writeValueAsString(labelled.label()));
            label.setDouble(2, labelled.confidence());
            label.setString(3, labelled.method());
            label.setLong(4, labelled.itemId());
            label.setObject(5, labelled.projectId());
            label.executeUpdate();
        }
    }
}
