package com.labelmint.tasks.export;

import com.labelmint.platform.jdbc.CursorReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a project's regular items with their labels (and, if asked, their answers) in item order through a
 * database cursor: an export of millions of items holds one fetch of rows in memory, never the project. Gold
 * items are the client's own controls and are left out.
 */
@ApplicationScoped
class ExportedItems {

    private static final int ROWS_PER_FETCH = 1_000;

    private static final String ITEMS = """
            SELECT i.id, i.external_id, i.data::text, i.label::text, i.label_confidence, i.label_method, %s
            FROM tasks.item i WHERE i.project_id = ? AND i.gold_answer IS NULL ORDER BY i.id""";

    private static final String ANSWERS = """
            (SELECT json_agg(json_build_object('labelerId', a.labeler_id, 'answer', a.value, 'submittedAt', a.submitted_at,
                                               'durationMs', a.duration_ms) ORDER BY a.submitted_at, a.id)::text
             FROM tasks.answer a WHERE a.project_id = i.project_id AND a.item_id = i.id)""";

    private final DataSource dataSource;

    ExportedItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface ItemSink {
        void accept(ExportedItem item) throws IOException;
    }

    /** Hands every item to the sink, in item order, from one consistent snapshot of the project. */
    void forEach(UUID projectId, boolean withAnswers, ItemSink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            CursorReads.forEachRow(connection, ITEMS.formatted(withAnswers ? ANSWERS : "NULL"), ROWS_PER_FETCH,
                    query -> query.setObject(1, projectId),
                    rows -> sink.accept(new ExportedItem(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), (Double) rows.getObject(5), rows.getString(6), rows.getString(7))));
        } catch (SQLException e) {
            throw new IOException("The export could not read the project's items", e);
        }
    }
}
