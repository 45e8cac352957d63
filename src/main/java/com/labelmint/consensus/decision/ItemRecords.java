package com.labelmint.consensus.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.tasks.api.AnswerSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The consensus schema's items and answers, read and written on the caller's connection and transaction. */
@ApplicationScoped
class ItemRecords {

    /** Creates the item's row if needed and locks it: whoever holds it decides the item, once. */
    private static final String LOCK_ITEM = """
            INSERT INTO consensus.item AS i (id, project_id, state, updated_at) VALUES (?, ?, 'collecting', ?)
            ON CONFLICT (id) DO UPDATE SET updated_at = i.updated_at
            RETURNING state, answers_expected, voids_replaced""";

    private static final String EXPECT = """
            UPDATE consensus.item SET answers_expected = greatest(coalesce(answers_expected, 0), ?), updated_at = ?
            WHERE id = ? RETURNING answers_expected""";

    private static final String INSERT_ANSWER = """
            INSERT INTO consensus.answer (id, project_id, item_id, labeler_id, value, gold_answer, duration_ms, submitted_at)
            VALUES (?, ?, ?, ?, cast(? AS jsonb), cast(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING""";

    /** Void answers included: the queue counts them among the item's answers. */
    private static final String REGULAR_ANSWERS = """
            SELECT id, labeler_id, value::text, verdict FROM consensus.answer
            WHERE item_id = ? AND gold_answer IS NULL ORDER BY submitted_at, id""";

    private static final String REOPEN = """
            UPDATE consensus.item SET state = 'collecting', answers_expected = ?, voids_replaced = ?, label = NULL, confidence = NULL,
                                      method = NULL, decided_by = NULL, note = NULL, updated_at = ?
            WHERE id = ?""";

    private static final String MOVE = """
            UPDATE consensus.item SET state = ?, answers_expected = coalesce(?, answers_expected), label = cast(? AS jsonb),
                                      confidence = ?, method = ?,
                                      decided_by = ?, note = ?, updated_at = ?
            WHERE id = ?""";

    private final ObjectMapper json;

    ItemRecords(ObjectMapper json) {
        this.json = json;
    }

    /**
     * An item's row as its lock found it.
     *
     * @param answersExpected the answers the queue will have delivered, void ones included; null until it says
     * @param voidsReplaced how many of its void answers {@code answersExpected} already adds replacements for
     */
    record LockedItem(long id, String state, Integer answersExpected, int voidsReplaced) {
        boolean collecting() {
            return "collecting".equals(state);
        }

        /** The item taken back from review: its answers changed under the reviewer's suggestion. */
        LockedItem collectingAgain() {
            return new LockedItem(id, "collecting", answersExpected, voidsReplaced);
        }
    }

    LockedItem lock(Connection connection, UUID projectId, long itemId, Instant now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ITEM)) {
            lock.setLong(1, itemId);
            lock.setObject(2, projectId);
            lock.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return new LockedItem(itemId, row.getString(1), (Integer) row.getObject(2), row.getInt(3));
            }
        }
    }

    /** The queue says the item has {@code answers} answers; a smaller, late count changes nothing. */
    LockedItem expect(Connection connection, LockedItem item, int answers, Instant now) throws SQLException {
        try (PreparedStatement expect = connection.prepareStatement(EXPECT)) {
            expect.setInt(1, answers);
            expect.setTimestamp(2, Timestamp.from(now));
            expect.setLong(3, item.id());
            try (ResultSet row = expect.executeQuery()) {
                row.next();
                return new LockedItem(item.id(), item.state(), row.getInt(1), item.voidsReplaced());
            }
        }
    }

    /** Stores the answer; false when it was stored already (a redelivered event). */
    boolean store(Connection connection, AnswerSubmitted answer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ANSWER)) {
            insert.setObject(1, answer.answerId());
            insert.setObject(2, answer.projectId());
            insert.setLong(3, answer.itemId());
            insert.setObject(4, answer.labelerId());
            insert.setString(5, text(answer.answer()));
            insert.setString(6, answer.goldAnswer() == null ? null : text(answer.goldAnswer()));
            insert.setLong(7, answer.durationMs());
            insert.setTimestamp(8, Timestamp.from(answer.occurredAt()));
            return insert.executeUpdate() == 1;
        }
    }

    List<StoredAnswer> regularAnswers(Connection connection, long itemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(REGULAR_ANSWERS)) {
            query.setLong(1, itemId);
            try (ResultSet rows = query.executeQuery()) {
                List<StoredAnswer> answers = new ArrayList<>();
                while (rows.next()) {
                    answers.add(new StoredAnswer(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), tree(rows.getString(3)),
                            rows.getString(4)));
                }
                return answers;
            }
        }
    }

    /**
     * The item's new state, with its (proposed or final) label when it has one; {@code answersExpected} null leaves
     * the count as it is (a label changes nothing about how many answers the item took).
     */
    record ItemState(String state, Integer answersExpected, JsonNode label, Double confidence, String method,
                     UUID decidedBy, String note) {
    }

    /** Back to collecting, for {@code answersExpected} answers in all; any suggestion made for a reviewer is gone. */
    void reopen(Connection connection, long itemId, int answersExpected, int voidsReplaced, Instant now) throws SQLException {
        try (PreparedStatement reopen = connection.prepareStatement(REOPEN)) {
            reopen.setInt(1, answersExpected);
            reopen.setInt(2, voidsReplaced);
            reopen.setTimestamp(3, Timestamp.from(now));
            reopen.setLong(4, itemId);
            reopen.executeUpdate();
        }
    }

    void move(Connection connection, long itemId, ItemState to, Instant now) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(MOVE)) {
            move.setString(1, to.state());
            move.setObject(2, to.answersExpected());
            move.setString(3, to.label() == null ? null : text(to.label()));
            move.setObject(4, to.confidence());
            move.setString(5, to.method());
            move.setObject(6, to.decidedBy());
            move.setString(7, to.note());
            move.setTimestamp(8, Timestamp.from(now));
            move.setLong(9, itemId);
            move.executeUpdate();
        }
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is unreadable", e);
        }
    }
}
