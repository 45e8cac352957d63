package com.labelmint.admin.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every {@code labelmint.admin.session.purge-interval}, deletes the console sessions nobody can resume any more. */
@ApplicationScoped
class ExpiredSessionPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredSessionPurge.class);

    private final ConsoleSessions sessions;

    ExpiredSessionPurge(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    // every replica runs it: the DELETE is idempotent, and two at once only find less to delete
    @Scheduled(identity = "admin-session-purge", every = "${labelmint.admin.session.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = sessions.purgeExpired();
        if (purged > 0) {
            LOG.debugf("Purged %d expired admin console sessions", purged);
        }
    }
}
