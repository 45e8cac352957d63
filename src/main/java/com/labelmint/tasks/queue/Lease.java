package com.labelmint.tasks.queue;

import java.time.Instant;
import java.util.UUID;

/** A lease row as the queue reads it back. */
record Lease(UUID id, long itemId, UUID projectId, Instant issuedAt, Instant expiresAt, String state) {

    static final String ACTIVE = "active";
    static final String ANSWERED = "answered";
    static final String SKIPPED = "skipped";
}
