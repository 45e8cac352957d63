package com.labelmint.notifications.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One-time tokens that link a Telegram user to the web account that asked for one: 256 random bits, 43 URL-safe
 * characters (a /start payload may hold 64), valid for {@code link-token-ttl}, stored only as a SHA-256 hash so that
 * a copy of the table links nobody.
 */
@ApplicationScoped
public class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{43}";

    private static final String INSERT = "INSERT INTO notifications.telegram_link_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)";

    private static final String USE = "UPDATE notifications.telegram_link_token SET used_at = now() "
            + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING account_id";

    private final DataSource dataSource;
    private final TelegramBotConfig config;
    private final Clock clock;

    LinkTokens(DataSource dataSource, TelegramBotConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(UUID accountId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(config.linkTokenTtl());
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setBytes(1, Sha256.of(token));
            insert.setObject(2, accountId);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A link token could not be stored", e);
        }
        return new Issued(token, expiresAt);
    }

    /** The account a valid, unused token was issued to; the token is used up in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> use(String token) {
        if (token == null || !token.matches(TOKEN_PATTERN)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement use = connection.prepareStatement(USE)) {
            use.setBytes(1, Sha256.of(token));
            try (ResultSet row = use.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A link token could not be checked", e);
        }
    }
}
