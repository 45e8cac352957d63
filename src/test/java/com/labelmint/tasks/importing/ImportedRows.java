package com.labelmint.tasks.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** What an import left in the database, read back with plain SQL. */
final class ImportedRows {

    record Row(String externalId, String data, String gold, int answersNeeded, UUID importId) {
    }

    private ImportedRows() {
    }

    static List<Row> items(DataSource dataSource, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT external_id, data::text, gold_answer::text, "
                     + "answers_needed, import_id FROM tasks.item WHERE project_id = ? ORDER BY id")) {
            query.setObject(1, projectId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3), result.getInt(4),
                            result.getObject(5, UUID.class)));
                }
            }
            return rows;
        }
    }

    /** The payloads of the ItemsImported events of a project, as JSON text. */
    static List<String> itemsImportedEvents(DataSource dataSource, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT payload::text FROM platform.outbox_event "
                     + "WHERE type = 'tasks.ItemsImported' AND payload->>'projectId' = ? ORDER BY occurred_at")) {
            query.setString(1, projectId.toString());
            List<String> payloads = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    payloads.add(result.getString(1));
                }
            }
            return payloads;
        }
    }
}
