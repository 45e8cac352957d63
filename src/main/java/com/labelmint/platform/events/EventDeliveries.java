package com.labelmint.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What operators see of the bus: deliveries that need a person (failed, dead or late), the
 * backlog, and a retry. The admin pages are a client of this interface.
 */
public interface EventDeliveries {

    /** Rows in a problem state, newest first: FAILED, DEAD, or PENDING/SENT overdue by {@code lateAfter}. */
    List<Delivery> problems(Problem kind, int offset, int limit);

    Optional<Delivery> find(UUID eventId);

    /** Puts a FAILED or DEAD event back in line at once; false if it is in neither state. */
    boolean retry(UUID eventId);

    Backlog backlog();

    enum Problem { FAILED, DEAD, LATE }

    record Delivery(UUID eventId, String type, int version, String status, int attempts, String lastError,
                    Instant recordedAt, Instant nextAttemptAt, Instant deliveredAt, String payload) {
    }

    /** Events not yet delivered, and how long the oldest of them has waited. */
    record Backlog(long pending, long sent, long failed, long dead, Optional<Instant> oldestWaitingSince) {
    }
}
