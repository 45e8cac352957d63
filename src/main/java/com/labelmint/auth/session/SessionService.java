package com.labelmint.auth.session;

import com.labelmint.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions and their rotating refresh tokens. A refresh token is used once; presenting one that
 * was already used means two parties hold it, so the whole session is revoked (theft detection,
 * as OAuth 2.0 Security BCP recommends). All methods run in the caller's transaction.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration refreshLifetime;
    private final RecentlyActiveSessions recentlyActive;

    SessionService(Clock clock,
                   @ConfigProperty(name = "labelmint.auth.refresh-token-lifetime", defaultValue = "7d") Duration refreshLifetime,
                   RecentlyActiveSessions recentlyActive) {
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.recentlyActive = recentlyActive;
    }

    /** A refresh token and the session it belongs to. */
    public record Issued(UUID sessionId, UUID accountId, boolean secondFactor, String refreshToken) {
    }

    public Issued open(UUID accountId, boolean secondFactor) {
        Instant now = clock.instant();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.accountId = accountId;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.secondFactor = secondFactor;
        session.persist();
        return new Issued(session.id, accountId, secondFactor, newRefreshToken(session.id, now));
    }

    /** Trades a refresh token for a new one in the same session, or fails with 401. */
    public Issued rotate(String presented) {
        Instant now = clock.instant();
        RefreshToken token = RefreshToken.<RefreshToken>findByIdOptional(hash(presented),
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(SessionService::invalidRefreshToken);
        Session session = Session.<Session>findByIdOptional(token.sessionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(SessionService::invalidRefreshToken);
        if (session.revoked()) {
            throw invalidRefreshToken();
        }
        if (token.usedAt != null) {
            revoke(session, now, "refresh token reused");
            throw new ProblemException(401, "refresh-token-reused", "Unauthorized",
                    "This refresh token was already used; the session is revoked. Sign in again.");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw invalidRefreshToken();
        }
        token.usedAt = now;
        session.lastUsedAt = now;
        return new Issued(session.id, session.accountId, session.secondFactor, newRefreshToken(session.id, now));
    }

    public boolean isActive(UUID sessionId) {
        return Session.<Session>findByIdOptional(sessionId).map(session -> !session.revoked()).orElse(false);
    }

    public void revoke(UUID sessionId, String reason) {
        Session.<Session>findByIdOptional(sessionId).ifPresent(session -> revoke(session, clock.instant(), reason));
    }

    /** Revokes every open session of the account; returns their ids. */
    public List<UUID> revokeAll(UUID accountId, String reason) {
        Instant now = clock.instant();
        List<Session> open = Session.list("accountId = ?1 and revokedAt is null", accountId);
        open.forEach(session -> revoke(session, now, reason));
        return open.stream().map(session -> session.id).toList();
    }

    /** Every revocation passes here, so that no instance keeps accepting the session's access tokens from memory. */
    private void revoke(Session session, Instant at, String reason) {
        session.revoke(at, reason);
        recentlyActive.revoking(session.id);
    }

    private String newRefreshToken(UUID sessionId, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.tokenHash = hash(token);
        row.sessionId = sessionId;
        row.issuedAt = now;
        row.expiresAt = now.plus(refreshLifetime);
        row.persist();
        return token;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(401, "invalid-refresh-token", "Unauthorized",
                "The refresh token is unknown, expired or revoked. Sign in again.");
    }
}
