package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which listener has handled which event. The record is written in the listener's own
 * transaction, so it exists exactly when the listener's effect committed.
 */
@ApplicationScoped
public class InboxStore {

    private final DataSource dataSource;

    InboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the event for the listener in the current transaction. Returns false when the listener
     * already handled it. A concurrent claim of the same pair waits on the primary key until the
     * other transaction ends, so two deliveries of one event never both run a listener.
     */
    public boolean claim(String listener, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO platform.inbox (listener, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, listener);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record inbox entry for " + listener, e);
        }
    }
}
