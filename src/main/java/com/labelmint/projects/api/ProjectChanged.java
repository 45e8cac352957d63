package com.labelmint.projects.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A project was created or changed in any way; it carries the whole project, so a module that keeps its own
 * copy (the task queue does) replaces it when {@code project.version()} is newer than what it holds.
 */
public record ProjectChanged(UUID eventId, Instant occurredAt, ProjectView project) implements DomainEvent {
}
