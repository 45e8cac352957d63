package com.labelmint.users.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An admin banned an account until {@code until}; its sessions end and it gets no work meanwhile. */
public record UserBanned(UUID eventId, Instant occurredAt, UUID accountId, UUID bannedBy, String reason, Instant until)
        implements DomainEvent {
}
