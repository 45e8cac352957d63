package com.labelmint.projects.api;

import java.time.Instant;
import java.util.UUID;

/** A project as other modules and clients see it. {@code version} grows with every change. */
public record ProjectView(UUID id, UUID ownerId, String name, String description, ProjectStatus status,
                          LabelSchema schema, String instructions, ProjectSettings settings, ProjectMembers members,
                          long version, Instant createdAt, Instant updatedAt) {

    /** The owner and co-owners manage a project: edit it, load items, read every answer, export. */
    public boolean managedBy(UUID accountId) {
        return ownerId.equals(accountId) || members.coOwners().contains(accountId);
    }

    /** Managers and the project's reviewers may see it; everyone else is told it does not exist. */
    public boolean visibleTo(UUID accountId) {
        return managedBy(accountId) || members.reviewers().contains(accountId);
    }
}
