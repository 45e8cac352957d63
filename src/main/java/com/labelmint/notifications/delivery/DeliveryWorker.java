package com.labelmint.notifications.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.NotificationsConfig;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.StoredParams;
import com.labelmint.platform.log.ThrottledWarning;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries through their channels. A batch is claimed in one statement ({@code FOR UPDATE SKIP LOCKED},
 * so replicas take different rows) that also pushes the rows' next attempt one lease ahead: no database lock or
 * connection is held while a channel sends, and a row whose sender died is claimed again when the lease ends. Each
 * outcome is written on its own: sent, due again after a backoff, or failed after the last attempt. A sent row keeps
 * the error of its last failed attempt, if any: a delivery sent on its second attempt tells why the first one failed.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    /** A mail server that is down fails every delivery at once: one line per 30 s, with a count, not one per attempt. */
    private final ThrottledWarning retryWarning = new ThrottledWarning(LOG, Duration.ofSeconds(30));

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE notifications.delivery d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                WHERE d.id IN (SELECT id FROM notifications.delivery WHERE status = 'pending' AND next_attempt_at <= now()
                               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.notification_id, d.channel, d.attempts)
            SELECT c.id, c.channel, c.attempts, n.id, n.user_id, n.kind, n.params::text, n.created_at
            FROM claimed c JOIN notifications.notification n ON n.id = c.notification_id""";
    private static final String SENT = """
            UPDATE notifications.delivery SET status = 'sent', sent_at = now() WHERE id = ? AND status = 'pending'""";
    private static final String RETRY = """
            UPDATE notifications.delivery SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?
            WHERE id = ? AND status = 'pending'""";
    private static final String FAILED = "UPDATE notifications.delivery SET status = 'failed', last_error = ? WHERE id = ? AND status = 'pending'";

    private final DataSource dataSource;
    private final Instance<NotificationChannel> channels;
    private final UsersApi users;
    private final ObjectMapper json;
    private final NotificationsConfig.Delivery config;
    private final Backoff backoff;

    DeliveryWorker(DataSource dataSource, Instance<NotificationChannel> channels, UsersApi users, ObjectMapper json,
                   NotificationsConfig config) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.users = users;
        this.json = json;
        this.config = config.delivery();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff());
    }

    @Scheduled(every = "${labelmint.notifications.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverRegularly() throws SQLException {
        while (deliverDue() == config.batch()) {
            // a full batch: more may be due
        }
    }

    /**
     * Claims one batch of due deliveries and sends each; returns how many were claimed. Safe to call from any thread
     * (the people's languages are read through the users module, which needs a request context).
     */
    @ActivateRequestContext
    public int deliverDue() throws SQLException {
        List<Claimed> claimed = claim();
        for (Claimed delivery : claimed) {
            send(delivery);
        }
        return claimed.size();
    }

    private void send(Claimed delivery) throws SQLException {
        UUID deliveryId = delivery.notification().deliveryId();
        try {
            NotificationChannel channel = channelOf(delivery.channel());
            if (channel == null) {
                throw new IllegalStateException("No '" + delivery.channel().wireName() + "' channel is deployed");
            }
            channel.deliver(delivery.notification());
        } catch (Exception e) {
            recordFailedAttempt(delivery, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        // Outside the catch: a sent message whose outcome cannot be written is not a failed send to retry at once.
        // Its row is claimed again when the lease ends (at least once, as for an instance that died here).
        record(SENT, deliveryId);
    }

    private void recordFailedAttempt(Claimed delivery, String error) throws SQLException {
        UUID deliveryId = delivery.notification().deliveryId();
        String channel = delivery.channel().wireName();
        if (delivery.attempts() >= config.maxAttempts()) {
            LOG.warnf("Notification delivery %s (%s) failed for good after %d attempts: %s", deliveryId, channel, delivery.attempts(), error);
            record(FAILED, error, deliveryId);
        } else {
            Duration wait = backoff.after(delivery.attempts());
            retryWarning.warn("A notification delivery failed and will be retried",
                    deliveryId + " (" + channel + ") attempt " + delivery.attempts() + ", next in " + wait + ": " + error);
            record(RETRY, wait.toMillis() / 1000.0, error, deliveryId);
        }
    }

    private NotificationChannel channelOf(ChannelKind kind) {
        for (NotificationChannel channel : channels) {
            if (channel.kind() == kind) {
                return channel;
            }
        }
        return null;
    }

    private List<Claimed> claim() throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(CLAIM)) {
            query.setDouble(1, config.lease().toMillis() / 1000.0);
            query.setInt(2, config.batch());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID userId = rows.getObject(5, UUID.class);
                    String language = users.find(userId).map(AccountView::language).orElse("en");
                    OutgoingNotification notification = new OutgoingNotification(rows.getObject(1, UUID.class),
                            rows.getObject(4, UUID.class), userId, NotificationKind.fromWireName(rows.getString(6)),
                            StoredParams.read(json, rows.getString(7)), language, rows.getTimestamp(8).toInstant());
                    claimed.add(new Claimed(notification, ChannelKind.fromWireName(rows.getString(2)), rows.getInt(3)));
                }
            }
        }
        return claimed;
    }


    private void record(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        }
    }

    private record Claimed(OutgoingNotification notification, ChannelKind channel, int attempts) {
    }
}
