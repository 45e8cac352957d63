package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Puts Bot API calls in the outgoing queue, in the caller's transaction: a reply exists if and only if the handling
 * that made it committed, and it survives a crash until {@link OutgoingSender} has made it. Calls to a chat whose user
 * blocked the bot are kept, dropped, for the record: they are not sent when the user comes back later.
 */
@ApplicationScoped
public class OutgoingMessages {

    private static final String ENSURE_CHAT = "INSERT INTO notifications.telegram_chat (chat_id) VALUES (?) ON CONFLICT DO NOTHING";

    private static final String ENQUEUE = "INSERT INTO notifications.telegram_outgoing (chat_id, method, params, paced, "
            + "notification_delivery, state, last_error) "
            + "SELECT c.chat_id, ?, cast(? AS jsonb), ?, ?, "
            + "CASE WHEN c.blocked_at IS NULL THEN 'pending' ELSE 'dropped' END, "
            + "CASE WHEN c.blocked_at IS NULL THEN NULL ELSE 'the user blocked the bot' END "
            + "FROM notifications.telegram_chat c WHERE c.chat_id = ? "
            + "ON CONFLICT (notification_delivery) DO NOTHING";

    private final DataSource dataSource;
    private final SenderWakeUp wakeUp;

    OutgoingMessages(DataSource dataSource, SenderWakeUp wakeUp) {
        this.dataSource = dataSource;
        this.wakeUp = wakeUp;
    }

    /** A new message: it waits for the chat's per-second limit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void message(long chatId, String method, ObjectNode params) {
        enqueue(chatId, method, params, true, null);
    }

    /** A notification's message: queued once per delivery of it, however often that delivery is attempted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notice(long chatId, ObjectNode sendMessage, UUID notificationDelivery) {
        enqueue(chatId, "sendMessage", sendMessage, true, notificationDelivery);
    }

    /** A reply to something the user just did (answerCallbackQuery, an edit): sent as soon as the chat's earlier calls are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reply(long chatId, String method, ObjectNode params) {
        enqueue(chatId, method, params, false, null);
    }

    private void enqueue(long chatId, String method, ObjectNode params, boolean paced, UUID notificationDelivery) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE_CHAT)) {
                ensure.setLong(1, chatId);
                ensure.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
                insert.setString(1, method);
                insert.setString(2, params.toString());
                insert.setBoolean(3, paced);
                insert.setObject(4, notificationDelivery);
                insert.setLong(5, chatId);
                insert.executeUpdate();
            }
            wakeUp.afterCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("A Telegram message could not be queued", e);
        }
    }
}
