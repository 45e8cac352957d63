package com.labelmint.users.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A new account exists. */
public record UserRegistered(UUID eventId, Instant occurredAt, UUID accountId, String displayName, Set<Role> roles)
        implements DomainEvent {
}
