package com.labelmint.projects.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A project moved from one status to another, by {@code changedBy}. */
public record ProjectStatusChanged(UUID eventId, Instant occurredAt, UUID projectId, UUID ownerId,
                                   ProjectStatus from, ProjectStatus to, UUID changedBy) implements DomainEvent {
}
