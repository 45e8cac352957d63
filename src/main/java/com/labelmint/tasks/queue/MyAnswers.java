package com.labelmint.tasks.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A labeler's own answers, newest first: their history, and nobody else's. */
@ApplicationScoped
public class MyAnswers {

    private static final String PAGE = """
            SELECT a.id, a.project_id, p.name, a.item_id, a.value::text, a.submitted_at FROM tasks.answer a
            JOIN tasks.project p ON p.id = a.project_id
            WHERE a.labeler_id = ? AND (a.submitted_at, a.id) < (?, ?)
            ORDER BY a.submitted_at DESC, a.id DESC LIMIT ?""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    MyAnswers(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public record MyAnswer(UUID answerId, UUID projectId, String projectName, long itemId, JsonNode answer, Instant submittedAt) {
    }

    public Page<MyAnswer> page(UUID labelerId, String after, int limit) throws SQLException, JsonProcessingException {
        NewestFirstCursor cursor = NewestFirstCursor.parse(after);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(PAGE)) {
            query.setObject(1, labelerId);
            query.setTimestamp(2, java.sql.Timestamp.from(cursor == null ? Instant.parse("9999-12-31T00:00:00Z") : cursor.createdAt()));
            query.setObject(3, cursor == null ? new UUID(-1L, -1L) : cursor.id());
            query.setInt(4, limit + 1);
            List<MyAnswer> fetched = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    fetched.add(new MyAnswer(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                            row.getLong(4), json.readTree(row.getString(5)), row.getTimestamp(6).toInstant()));
                }
            }
            return Page.fromOneExtra(fetched, limit, answer -> new NewestFirstCursor(answer.submittedAt(), answer.answerId()).encoded());
        }
    }
}
