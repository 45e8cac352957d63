package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.notifications.api.TelegramUpdateReceived;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Telegram's updates, each stored once by its {@code update_id} together with the event that gets it handled: a
 * retried delivery of the same update finds the row and does nothing.
 */
@ApplicationScoped
public class UpdateInbox {

    private static final String STORE = "INSERT INTO notifications.telegram_update (update_id, payload) VALUES (?, cast(? AS jsonb)) "
            + "ON CONFLICT (update_id) DO NOTHING";

    private static final String LOAD = "SELECT payload::text FROM notifications.telegram_update WHERE update_id = ?";

    private static final String HANDLED = "UPDATE notifications.telegram_update SET handled_at = now() WHERE update_id = ?";

    private final DataSource dataSource;
    private final EventPublisher events;
    private final Clock clock;

    UpdateInbox(DataSource dataSource, EventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the update unless it was stored before; true when it is new. */
    @Transactional
    public boolean store(long updateId, JsonNode update) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(STORE)) {
            insert.setLong(1, updateId);
            insert.setString(2, update.toString());
            if (insert.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Telegram update " + updateId + " could not be stored", e);
        }
        events.publish(new TelegramUpdateReceived(UUID.randomUUID(), clock.instant(), updateId));
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> load(long updateId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(LOAD)) {
            query.setLong(1, updateId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Telegram update " + updateId + " could not be read", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handled(long updateId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(HANDLED)) {
            update.setLong(1, updateId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Telegram update " + updateId + " could not be marked handled", e);
        }
    }
}
