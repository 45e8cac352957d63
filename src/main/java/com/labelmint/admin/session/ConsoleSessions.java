package com.labelmint.admin.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admin console sessions: opened at sign-in, found again by the cookie's id, ended at sign-out, after
 * {@code idle-timeout} without a request, or {@code lifetime} after sign-in however busy the admin is.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;

    ConsoleSessions(Clock clock,
                    @ConfigProperty(name = "labelmint.admin.session.idle-timeout") Duration idleTimeout,
                    @ConfigProperty(name = "labelmint.admin.session.lifetime") Duration lifetime) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
    }

    /** A session as a request sees it. */
    public record Live(UUID accountId, boolean secondFactor, String csrfToken) {
    }

    /** Opens a session and returns the id for the cookie: shown this once, stored only hashed. */
    @Transactional
    public String open(UUID accountId, boolean secondFactor) {
        String id = randomToken();
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession();
        session.idHash = hash(id);
        session.accountId = accountId;
        session.secondFactor = secondFactor;
        session.csrfToken = randomToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(lifetime);
        session.persist();
        return id;
    }

    /** The live session the cookie names, its idle clock restarted; empty when unknown, ended or timed out. */
    @Transactional
    public Optional<Live> resume(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return ConsoleSession.<ConsoleSession>findByIdOptional(hash(id), LockModeType.PESSIMISTIC_WRITE)
                .filter(session -> session.liveAt(now, idleTimeout))
                .map(session -> {
                    session.lastSeenAt = now;
                    return new Live(session.accountId, session.secondFactor, session.csrfToken);
                });
    }

    @Transactional
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            ConsoleSession.<ConsoleSession>findByIdOptional(hash(id))
                    .filter(session -> session.endedAt == null)
                    .ifPresent(session -> session.endedAt = clock.instant());
        }
    }

    /**
     * Deletes the sessions that can no longer be resumed: ended, past their lifetime, or idle beyond the timeout. They
     * are dead already ({@link #resume} refuses them); this only keeps the table from growing with every sign-in.
     *
     * @return how many were deleted
     */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        return (int) ConsoleSession.delete("endedAt IS NOT NULL OR expiresAt <= ?1 OR lastSeenAt <= ?2", now, now.minus(idleTimeout));
    }

    /** 256 random bits, URL-safe. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
