package com.labelmint.tasks.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An import added items to a project: {@code items} regular ones that need answers, {@code goldItems} with known answers. */
public record ItemsImported(UUID eventId, Instant occurredAt, UUID projectId, UUID importId, long items, long goldItems)
        implements DomainEvent {
}
