package com.labelmint.tasks.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An item has all the answers it currently needs: consensus takes it from here.
 *
 * @param reopened the item had gone to consensus before, which asked for more answers (dynamic overlap): it is
 *                 not newly answered
 */
public record ItemFullyAnswered(UUID eventId, Instant occurredAt, UUID projectId, long itemId, int answers, boolean reopened)
        implements DomainEvent {
}
