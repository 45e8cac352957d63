package com.labelmint.notifications.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether a chat's user blocked the bot: marked on a 403 or a "kicked" status, cleared when they write again. */
@ApplicationScoped
public class TelegramChats {

    private static final String BLOCK = "INSERT INTO notifications.telegram_chat (chat_id, blocked_at) VALUES (?, now()) "
            + "ON CONFLICT (chat_id) DO UPDATE SET blocked_at = coalesce(telegram_chat.blocked_at, now())";

    private static final String DROP_PENDING = "UPDATE notifications.telegram_outgoing SET state = 'dropped', "
            + "last_error = 'the user blocked the bot' WHERE chat_id = ? AND state = 'pending'";

    private static final String UNBLOCK = "UPDATE notifications.telegram_chat SET blocked_at = NULL WHERE chat_id = ? AND blocked_at IS NOT NULL";

    private static final String OPEN = "SELECT 1 FROM notifications.telegram_chat WHERE chat_id = ? AND blocked_at IS NULL";

    private final DataSource dataSource;

    TelegramChats(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stops writing to the chat: what waits for it is dropped, and so is whatever is queued for it later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void blocked(long chatId) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, BLOCK, chatId);
            execute(connection, DROP_PENDING, chatId);
        } catch (SQLException e) {
            throw new IllegalStateException("Chat " + chatId + " could not be marked blocked", e);
        }
    }

    /** The user is back (they wrote, or unblocked the bot): the bot may write to them again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reachable(long chatId) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, UNBLOCK, chatId);
        } catch (SQLException e) {
            throw new IllegalStateException("Chat " + chatId + " could not be marked reachable", e);
        }
    }

    /** Whether the bot may write to the chat: its user has written to the bot (Telegram allows no first word) and not blocked it. */
    public boolean open(long chatId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(OPEN)) {
            query.setLong(1, chatId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Chat " + chatId + " could not be read", e);
        }
    }

    private static void execute(Connection connection, String sql, long chatId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, chatId);
            statement.executeUpdate();
        }
    }
}
