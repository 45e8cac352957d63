package com.labelmint.platform.events.canary;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A synthetic event that exercises the whole bus; its receipt proves end-to-end delivery. */
public record CanaryEvent(UUID eventId, Instant occurredAt, UUID batchId, int sequence) implements DomainEvent {
}
