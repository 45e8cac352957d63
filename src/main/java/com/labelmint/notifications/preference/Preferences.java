package com.labelmint.notifications.preference;

import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Which channels a person wants per kind (what they chose, else the kind's default) and their quiet hours. */
@ApplicationScoped
public class Preferences {

    private static final String CHOICES = "SELECT kind, channel, enabled FROM notifications.channel_choice WHERE user_id = ?";
    private static final String QUIET_HOURS = "SELECT starts, ends FROM notifications.quiet_hours WHERE user_id = ?";

    private final DataSource dataSource;
    private final UsersApi users;

    Preferences(DataSource dataSource, UsersApi users) {
        this.dataSource = dataSource;
        this.users = users;
    }

    /** The channels that do not carry {@code kind} to the person: switched off, or off by default and not switched on. */
    public Set<ChannelKind> switchedOff(Connection connection, UUID userId, NotificationKind kind) throws SQLException {
        Map<String, Boolean> choices = choices(connection, userId);
        Set<ChannelKind> channels = EnumSet.noneOf(ChannelKind.class);
        for (ChannelKind channel : ChannelKind.values()) {
            if (!enabled(choices, kind, channel)) {
                channels.add(channel);
            }
        }
        return channels;
    }

    public Optional<QuietHours> quietHours(Connection connection, UUID userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUIET_HOURS)) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new QuietHours(row.getObject(1, LocalTime.class), row.getObject(2, LocalTime.class)))
                        : Optional.empty();
            }
        }
    }

    public PreferencesView view(UUID userId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Boolean> choices = choices(connection, userId);
            Map<String, Map<String, Boolean>> kinds = new LinkedHashMap<>();
            for (NotificationKind kind : NotificationKind.values()) {
                Map<String, Boolean> channels = new LinkedHashMap<>();
                for (ChannelKind channel : ChannelKind.values()) {
                    channels.put(channel.wireName(), enabled(choices, kind, channel));
                }
                kinds.put(kind.wireName(), channels);
            }
            String timezone = users.find(userId).map(account -> account.timezone()).orElse("UTC");
            return new PreferencesView(timezone, quietHours(connection, userId).map(QuietHoursView::of).orElse(null), kinds);
        }
    }

    /**
     * Replaces everything the person had set: what they leave out goes back to its default. A kind that matters keeps
     * its in-app notices.
     */
    @Transactional
    public PreferencesView replace(UUID userId, PreferencesUpdate update) throws SQLException {
        QuietHours quietHours = update.quietHours() == null ? null : update.quietHours().parsed();
        Map<String, Boolean> choices = new HashMap<>();
        Map<String, Map<String, Boolean>> kinds = update.kinds() == null ? Map.of() : update.kinds();
        kinds.forEach((kindName, channels) -> {
            NotificationKind kind = NotificationKind.fromWireName(kindName);
            (channels == null ? Map.<String, Boolean>of() : channels).forEach((channelName, enabled) -> {
                ChannelKind channel = ChannelKind.fromWireName(channelName);
                if (Boolean.FALSE.equals(enabled) && kind.matters() && channel == ChannelKind.IN_APP) {
                    throw ProblemException.badRequest("in-app-required",
                            "'" + kindName + "' is about money or a decision over your work: its in-app notice stays on");
                }
                if (enabled != null) {
                    choices.put(key(kind, channel), enabled);
                }
            });
        });
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "DELETE FROM notifications.channel_choice WHERE user_id = ?", userId);
            execute(connection, "DELETE FROM notifications.quiet_hours WHERE user_id = ?", userId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO notifications.channel_choice (user_id, kind, channel, enabled) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Boolean> choice : choices.entrySet()) {
                    String[] kindAndChannel = choice.getKey().split(" ", 2);
                    insert.setObject(1, userId);
                    insert.setString(2, kindAndChannel[0]);
                    insert.setString(3, kindAndChannel[1]);
                    insert.setBoolean(4, choice.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (quietHours != null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO notifications.quiet_hours (user_id, starts, ends) VALUES (?, ?, ?)")) {
                    insert.setObject(1, userId);
                    insert.setObject(2, quietHours.starts());
                    insert.setObject(3, quietHours.ends());
                    insert.executeUpdate();
                }
            }
        }
        return view(userId);
    }

    /** What the person chose, on or off, by {@link #key}. */
    private static Map<String, Boolean> choices(Connection connection, UUID userId) throws SQLException {
        Map<String, Boolean> choices = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(CHOICES)) {
            query.setObject(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    choices.put(rows.getString(1) + " " + rows.getString(2), rows.getBoolean(3));
                }
            }
        }
        return choices;
    }

    private static boolean enabled(Map<String, Boolean> choices, NotificationKind kind, ChannelKind channel) {
        return choices.getOrDefault(key(kind, channel), kind.onByDefault(channel));
    }

    private static String key(NotificationKind kind, ChannelKind channel) {
        return kind.wireName() + " " + channel.wireName();
    }

    private static void execute(Connection connection, String sql, UUID userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, userId);
            statement.executeUpdate();
        }
    }
}
