package com.labelmint.users.api;

import java.time.Instant;
import java.util.Set;

/**
 * What the task queue asks of a person before handing them work, read in one go: the end of a ban still running
 * ({@code null} when they are not banned now) and the tags of the skills they declared, at any level.
 */
public record LabelerStanding(Instant bannedUntil, Set<String> skillTags) {

    public boolean banned() {
        return bannedUntil != null;
    }
}
