package com.labelmint.notifications.telegram;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Forgets what the bot no longer needs, after {@code labelmint.telegram.retention}: handled updates (Telegram stopped
 * retrying them long ago, and it restarts update ids at a random value after a week without updates, so an old row
 * must not swallow a new update), finished outgoing calls, closed cards and used or expired link tokens. Pending
 * calls, unhandled updates and open cards are kept whatever their age.
 */
@ApplicationScoped
public class TelegramRetention {

    private static final List<String> PURGES = List.of(
            "DELETE FROM notifications.telegram_update WHERE handled_at < now() - make_interval(secs => ?)",
            "DELETE FROM notifications.telegram_outgoing WHERE state <> 'pending' AND created_at < now() - make_interval(secs => ?)",
            "DELETE FROM notifications.telegram_card WHERE state <> 'open' AND created_at < now() - make_interval(secs => ?)",
            "DELETE FROM notifications.telegram_link_token WHERE expires_at < now() - make_interval(secs => ?)");

    private final DataSource dataSource;
    private final TelegramBotConfig config;

    TelegramRetention(DataSource dataSource, TelegramBotConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(identity = "telegram-retention", every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        try (Connection connection = dataSource.getConnection()) {
            for (String purge : PURGES) {
                try (PreparedStatement delete = connection.prepareStatement(purge)) {
                    delete.setLong(1, config.retention().toSeconds());
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Old Telegram rows could not be purged", e);
        }
    }
}
