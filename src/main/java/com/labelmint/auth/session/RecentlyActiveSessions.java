package com.labelmint.auth.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions found active within the last {@code labelmint.auth.session-check-cache}, so that checking an access
 * token's session costs a database read (and a transaction) once per session and period instead of on every request.
 * A revocation made on this instance takes effect here at once; one made on another instance within that period at
 * most (see {@code docs/decisions/session-check-cache.md}). Only "active" is remembered: a revoked session stays
 * revoked, and an unknown one is read again.
 */
@ApplicationScoped
public class RecentlyActiveSessions {

    /** Far more sessions than one instance serves within a few seconds; the bound only caps memory. */
    private static final int MOST_REMEMBERED = 100_000;

    private final TransactionSynchronizationRegistry transactions;
    private final Cache<UUID, Boolean> active;
    /** Counts revocations, so that a look-up that raced one does not remember what it read before it. */
    private final AtomicLong revocations = new AtomicLong();

    RecentlyActiveSessions(TransactionSynchronizationRegistry transactions,
                           @ConfigProperty(name = "labelmint.auth.session-check-cache", defaultValue = "15s") Duration period) {
        this.transactions = transactions;
        this.active = Caffeine.newBuilder().expireAfterWrite(period).maximumSize(MOST_REMEMBERED).build();
    }

    /** Whether the session was found active lately: if so, it needs no look-up. */
    public boolean knownActive(UUID sessionId) {
        return active.getIfPresent(sessionId) != null;
    }

    /** Looks the session up and remembers it if it is active and no revocation ran meanwhile. */
    public boolean isActive(UUID sessionId, BooleanSupplier lookUp) {
        long revocationsBefore = revocations.get();
        boolean found = lookUp.getAsBoolean();
        if (found && revocations.get() == revocationsBefore) {
            active.put(sessionId, Boolean.TRUE);
            // a revocation that committed between the check above and the put has already forgotten the session
            if (revocations.get() != revocationsBefore) {
                active.invalidate(sessionId);
            }
        }
        return found;
    }

    /**
     * The session is being revoked in the current transaction: forgotten now and again when the transaction ends,
     * so that a request that read it active before the commit cannot keep it remembered.
     */
    void revoking(UUID sessionId) {
        forget(sessionId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(sessionId);
            }
        });
    }

    private void forget(UUID sessionId) {
        revocations.incrementAndGet();
        active.invalidate(sessionId);
    }
}
