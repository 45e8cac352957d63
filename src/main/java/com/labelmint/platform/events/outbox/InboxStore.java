package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
             Statement settings = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO platform.inbox (listener, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            // The listener's commit need not wait for the disk: the outcome recorded after it (a
            // synchronous commit) flushes the WAL up to and past it. Should the server crash in
            // between, the effect and this inbox record vanish together and the listener simply
            // runs again; nothing can be half done. This spares one fsync per event and listener.
            settings.execute("SET LOCAL synchronous_commit TO OFF");
            insert.setString(1, listener);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record inbox entry for " + listener, e);
        }
    }
}
