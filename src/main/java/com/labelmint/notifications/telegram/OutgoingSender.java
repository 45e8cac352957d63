package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes the queued Bot API calls: per chat in order, one new message a chat per {@code send.per-chat-interval}, all
 * chats together at {@link SendPacer}'s pace. Each call is claimed, made and recorded in one transaction that holds
 * its chat's row ({@code FOR NO KEY UPDATE SKIP LOCKED}), so replicas share the work and never send one call twice at
 * once. Not {@code FOR UPDATE}: that would also stop every new call queued for the chat meanwhile (its foreign key's
 * check locks the chat row {@code FOR KEY SHARE}) until Telegram has answered this one (bench/load).
 *
 * <p>A crash between Telegram's answer and the commit sends that one call again after restart: at least once, like
 * every delivery here; Telegram offers no idempotency key to do better.
 */
@ApplicationScoped
public class OutgoingSender {

    private static final Logger LOG = Logger.getLogger(OutgoingSender.class);

    /** The oldest due call of a chat nobody else is serving, unless an older call of that chat is still waiting. */
    private static final String CLAIM = "SELECT o.id, o.chat_id, o.method, o.params::text, o.paced, o.attempts "
            + "FROM notifications.telegram_outgoing o JOIN notifications.telegram_chat c ON c.chat_id = o.chat_id "
            + "WHERE o.state = 'pending' AND o.next_attempt_at <= now() AND c.blocked_at IS NULL "
            + "AND (NOT o.paced OR c.next_send_at <= now()) "
            + "AND NOT EXISTS (SELECT 1 FROM notifications.telegram_outgoing e "
            + "WHERE e.chat_id = o.chat_id AND e.state = 'pending' AND e.id < o.id) "
            + "ORDER BY o.id LIMIT 1 FOR NO KEY UPDATE OF o, c SKIP LOCKED";

    private static final String SENT = "UPDATE notifications.telegram_outgoing SET state = 'sent', sent_at = clock_timestamp(), "
            + "attempts = attempts + 1, last_error = NULL WHERE id = ?";

    private static final String PACE_CHAT = "UPDATE notifications.telegram_chat SET next_send_at = clock_timestamp() + make_interval(secs => ?) "
            + "WHERE chat_id = ?";

    private static final String RETRY = "UPDATE notifications.telegram_outgoing SET attempts = attempts + ?, last_error = ?, "
            + "next_attempt_at = clock_timestamp() + make_interval(secs => ?) WHERE id = ?";

    private static final String FAILED = "UPDATE notifications.telegram_outgoing SET state = 'failed', attempts = attempts + 1, "
            + "last_error = ? WHERE id = ?";

    /** Enough calls per poll to keep the pace between polls; the rest wait for the next one. */
    private static final int MOST_PER_POLL = 200;

    private final DataSource dataSource;
    private final BotApiClient api;
    private final SendPacer pacer;
    private final TelegramChats chats;
    private final TelegramBotConfig.Send config;
    private final ObjectMapper json;

    OutgoingSender(DataSource dataSource, BotApiClient api, SendPacer pacer, TelegramChats chats, TelegramBotConfig config,
                   ObjectMapper json) {
        this.dataSource = dataSource;
        this.api = api;
        this.pacer = pacer;
        this.chats = chats;
        this.config = config.send();
        this.json = json;
    }

    /** The slow path: whatever is due and was not sent on a wake-up (retries, waits, a crash before a wake-up). */
    @Scheduled(identity = "telegram-sender", every = "${labelmint.telegram.send.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Sends due calls until none is left or this round's share is used up. Several rounds may run at once. */
    public void drain() {
        if (!api.configured()) {
            return;
        }
        try {
            for (int sent = 0; sent < MOST_PER_POLL && sendOne(); sent++) {
                pacer.awaitSlot();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes the next due call, if there is one; true when it did. */
    boolean sendOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Optional<Call> call = claim(connection);
                call.ifPresent(claimed -> record(connection, claimed, api.call(claimed.method(), parse(claimed.params()))));
                return call.isPresent();
            }
        });
    }

    private record Call(long id, long chatId, String method, String params, boolean paced, int attempts) {
    }

    private static Optional<Call> claim(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CLAIM); ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new Call(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                    row.getBoolean(5), row.getInt(6))) : Optional.empty();
        }
    }

    private void record(Connection connection, Call call, BotApiResult result) {
        try {
            switch (result.outcome()) {
                case SENT:
                    update(connection, SENT, call.id());
                    if (call.paced()) {
                        paceChat(connection, call.chatId(), config.perChatInterval());
                    }
                    break;
                case RETRY_AFTER:
                    // Telegram's own wait, not a failure of ours: it does not use up a try
                    retry(connection, call, 0, result.description(), result.retryAfter());
                    paceChat(connection, call.chatId(), result.retryAfter());
                    break;
                case BLOCKED:
                    LOG.infof("Chat %d blocked the bot (%s): nothing more is sent there until the user writes again",
                            call.chatId(), result.description());
                    chats.blocked(call.chatId());
                    break;
                case REJECTED:
                    LOG.warnf("Telegram refused call %d to chat %d, given up: %s", call.id(), call.chatId(), result.description());
                    fail(connection, call, result.description());
                    break;
                default:
                    transientFailure(connection, call, result.description());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outcome of Telegram call " + call.id() + " could not be recorded", e);
        }
    }

    private void transientFailure(Connection connection, Call call, String description) throws SQLException {
        int attempts = call.attempts() + 1;
        if (attempts >= config.maxAttempts()) {
            LOG.warnf("Telegram call %d to chat %d failed %d times, given up: %s", call.id(), call.chatId(), attempts, description);
            fail(connection, call, description);
            return;
        }
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration backoff = config.initialBackoff().multipliedBy(factor);
        retry(connection, call, 1, description, backoff.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff);
    }

    private static void retry(Connection connection, Call call, int attemptsUsed, String description, Duration wait) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RETRY)) {
            update.setInt(1, attemptsUsed);
            update.setString(2, description);
            update.setDouble(3, wait.toMillis() / 1000.0);
            update.setLong(4, call.id());
            update.executeUpdate();
        }
    }

    private static void fail(Connection connection, Call call, String description) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(FAILED)) {
            update.setString(1, description);
            update.setLong(2, call.id());
            update.executeUpdate();
        }
    }

    private static void paceChat(Connection connection, long chatId, Duration wait) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(PACE_CHAT)) {
            update.setDouble(1, wait.toMillis() / 1000.0);
            update.setLong(2, chatId);
            update.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    private JsonNode parse(String params) {
        try {
            return json.readTree(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A queued Telegram call's parameters are not JSON", e);
        }
    }
}
