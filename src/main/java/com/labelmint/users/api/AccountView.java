package com.labelmint.users.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person as other modules see them. */
public record AccountView(UUID id, String displayName, Set<Role> roles, String language, String timezone,
                          String telegramUsername, boolean banned, Instant bannedUntil, Instant createdAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
