package com.labelmint.users.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An admin lifted a ban before it expired. */
public record UserUnbanned(UUID eventId, Instant occurredAt, UUID accountId, UUID unbannedBy) implements DomainEvent {
}
