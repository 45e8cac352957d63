package com.labelmint.users.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An admin changed what an account may do; tokens issued before carry the old roles until refreshed. */
public record RolesChanged(UUID eventId, Instant occurredAt, UUID accountId, UUID changedBy, Set<Role> before, Set<Role> after)
        implements DomainEvent {
}
