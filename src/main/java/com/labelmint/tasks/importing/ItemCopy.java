package com.labelmint.tasks.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Good items of one import, streamed into {@code tasks.item} by COPY. */
final class ItemCopy implements ItemPass.Sink {

    private static final String COPY =
            "COPY tasks.item (project_id, import_id, external_id, data, gold_answer, answers_needed) FROM STDIN";

    private final CopyWriter rows;
    private final ObjectWriter json;
    private final byte[] projectAndImport;
    private final byte[] answersNeeded;

    private ItemCopy(CopyWriter rows, ObjectWriter json, UUID projectId, UUID importId, int answersNeeded) {
        this.rows = rows;
        this.json = json;
        this.projectAndImport = (projectId + "\t" + importId).getBytes(StandardCharsets.US_ASCII);
        this.answersNeeded = Integer.toString(answersNeeded).getBytes(StandardCharsets.US_ASCII);
    }

    static ItemCopy open(Connection connection, UUID projectId, UUID importId, int answersNeeded, ObjectWriter json)
            throws SQLException {
        return new ItemCopy(CopyWriter.open(connection, COPY), json, projectId, importId, answersNeeded);
    }

    @Override
    public void accept(int line, Item item) {
        rows.raw(projectAndImport);
        rows.text(item.externalId());
        rows.json(item.dataText() != null ? item.dataText() : serialised(item.data()));
        rows.json(!item.isGold() ? null : item.goldText() != null ? item.goldText() : serialised(item.gold()));
        rows.raw(answersNeeded);
        rows.endRow();
    }

    void abandon() {
        rows.abandon();
    }

    long finish() throws SQLException {
        return rows.finish();
    }

    private JsonText serialised(JsonNode node) {
        try {
            byte[] bytes = json.writeValueAsBytes(node);
            return new JsonText(bytes, 0, bytes.length);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree always serialises", e);
        }
    }
}
