package com.labelmint.tasks.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.UUID;

/**
 * Finds the lines whose external id is taken: by an item the project already has, or by an earlier line of the
 * same body. Only called after a COPY met the unique index on external ids, so the common case pays nothing
 * for it; and it asks the database rather than holding every id in memory, so a body of a million ids costs a
 * temporary table, not a heap.
 */
final class DuplicateExternalIds {

    private static final int FETCH = 1000;

    private DuplicateExternalIds() {
    }

    /** The lines to skip; each one is also reported in {@code errors}. Runs in the caller's transaction. */
    static BitSet find(Connection connection, ItemPass pass, UUID projectId, LineErrors errors)
            throws SQLException, IOException, HeaderRejected {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE import_external_id (line integer NOT NULL, external_id text NOT NULL) ON COMMIT DROP");
        }
        CopyWriter ids = CopyWriter.open(connection, "COPY import_external_id (line, external_id) FROM STDIN");
        pass.run(new BitSet(), new LineErrors(0), ItemPass.Progress.NONE, (line, item) -> {
            if (item.externalId() != null) {
                ids.raw(Integer.toString(line).getBytes(StandardCharsets.US_ASCII));
                ids.text(item.externalId());
                ids.endRow();
            }
        });
        ids.finish();
        BitSet duplicates = new BitSet();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT line, external_id, first_line, taken FROM ("
                        + " SELECT line, external_id, min(line) OVER (PARTITION BY external_id) AS first_line,"
                        + " EXISTS (SELECT 1 FROM tasks.item item WHERE item.project_id = ? AND item.external_id = candidate.external_id) AS taken"
                        + " FROM import_external_id candidate) lines"
                        + " WHERE taken OR line <> first_line")) {
            query.setObject(1, projectId);
            query.setFetchSize(FETCH);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int line = rows.getInt(1);
                    String id = "external id '" + Reasons.shorten(rows.getString(2)) + "'";
                    duplicates.set(line);
                    errors.add(line, rows.getBoolean(4) ? id + " is already used by an item of this project"
                            : id + " already appears on line " + rows.getInt(3));
                }
            }
        }
        return duplicates;
    }
}
