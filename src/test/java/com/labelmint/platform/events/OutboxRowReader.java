package com.labelmint.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads outbox rows straight from the table, as an operator would see them. */
@ApplicationScoped
public class OutboxRowReader {

    private final DataSource dataSource;

    OutboxRowReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Row(String status, int attempts, String lastError, boolean due) {
    }

    public Optional<Row> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, attempts, last_error, next_attempt_at <= now() FROM platform.outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet result = query.executeQuery()) {
                return result.next()
                        ? Optional.of(new Row(result.getString(1), result.getInt(2), result.getString(3), result.getBoolean(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insertRaw(UUID id, String type, int version, String payload) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at) VALUES (?, ?, ?, ?::jsonb, now())")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setInt(3, version);
            insert.setString(4, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int inboxRecords(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM platform.inbox WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
