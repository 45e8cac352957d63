package com.labelmint.notifications.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.notifications.delivery.NotificationChannel;
import com.labelmint.notifications.preference.Preferences;
import com.labelmint.notifications.preference.QuietHours;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Makes notifications: stores one per person and source, and one delivery per channel the person has on and can be
 * reached by, due now or when their quiet hours end. Runs in the caller's transaction (an event listener's), so the
 * notification exists exactly when the listener's effect does; the {@code DeliveryWorker} sends it afterwards.
 */
@ApplicationScoped
public class Notifier {

    private static final String INSERT_NOTIFICATION = """
            INSERT INTO notifications.notification (id, user_id, kind, params, dedup_key, created_at)
            VALUES (?, ?, ?, cast(? AS jsonb), ?, ?) ON CONFLICT (user_id, dedup_key) DO NOTHING""";
    private static final String INSERT_DELIVERY = """
            INSERT INTO notifications.delivery (id, notification_id, channel, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (notification_id, channel) DO NOTHING""";

    private final DataSource dataSource;
    private final Instance<NotificationChannel> channels;
    private final Preferences preferences;
    private final UsersApi users;
    private final ObjectMapper json;
    private final Clock clock;

    Notifier(DataSource dataSource, Instance<NotificationChannel> channels, Preferences preferences, UsersApi users,
             ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.preferences = preferences;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the notification and its deliveries; a key seen before for the person does nothing. Returns its id if new. */
    public Optional<UUID> notify(NewNotification notification) throws SQLException {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            if (!insertNotification(connection, id, notification, now)) {
                return Optional.empty();
            }
            Set<ChannelKind> off = preferences.switchedOff(connection, notification.userId(), notification.kind());
            Optional<QuietHours> quietHours = preferences.quietHours(connection, notification.userId());
            for (NotificationChannel channel : channels) {
                if (off.contains(channel.kind()) || !channel.reaches(notification.userId())) {
                    continue;
                }
                insertDelivery(connection, id, channel.kind(), dueAt(notification, channel.kind(), quietHours, now), now);
            }
            return Optional.of(id);
        }
    }

    /** Quiet hours defer every channel but the in-app notice of a kind that matters: deferred, never dropped. */
    private Instant dueAt(NewNotification notification, ChannelKind channel, Optional<QuietHours> quietHours, Instant now) {
        if (quietHours.isEmpty() || channel == ChannelKind.IN_APP && notification.kind().matters()) {
            return now;
        }
        return quietHours.get().nextAllowed(now, zoneOf(notification.userId()));
    }

    private ZoneId zoneOf(UUID userId) {
        Optional<String> timezone = users.find(userId).map(AccountView::timezone);
        try {
            return timezone.map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private boolean insertNotification(Connection connection, UUID id, NewNotification notification, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NOTIFICATION)) {
            insert.setObject(1, id);
            insert.setObject(2, notification.userId());
            insert.setString(3, notification.kind().wireName());
            insert.setString(4, json.writeValueAsString(notification.params()));
            insert.setString(5, notification.dedupKey());
            insert.setTimestamp(6, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notification parameters are not JSON: " + notification.params(), e);
        }
    }

    private static void insertDelivery(Connection connection, UUID notificationId, ChannelKind channel, Instant due, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DELIVERY)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, notificationId);
            insert.setString(3, channel.wireName());
            insert.setTimestamp(4, Timestamp.from(due));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }
}
