package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return claimAll(listener, List.of(eventId)).contains(eventId);
    }

    /**
     * Claims the events for the listener in the current transaction, as {@link #claim} does one.
     * Returns the ids the listener has not handled before. The ids are inserted in order, so two
     * transactions claiming overlapping sets wait for each other instead of deadlocking.
     */
    public Set<UUID> claimAll(String listener, Collection<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
             Statement settings = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO platform.inbox (listener, event_id) SELECT ?, id FROM unnest(?::uuid[]) AS id ORDER BY id
                     ON CONFLICT DO NOTHING RETURNING event_id""")) {
            // The listener's commit need not wait for the disk: the outcome recorded after it (a
            // synchronous commit) flushes the WAL up to and past it. Should the server crash in
            // between, the effect and this inbox record vanish together and the listener simply
            // runs again; nothing can be half done. This spares one fsync per event and listener.
            settings.execute("SET LOCAL synchronous_commit TO OFF");
            insert.setString(1, listener);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            Set<UUID> claimed = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record inbox entries for " + listener, e);
        }
    }
}
