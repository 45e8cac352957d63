package com.labelmint.projects.project;

import java.util.UUID;

/** Who asks: admins may see and steer every project, everyone else only their own. */
public record Caller(UUID accountId, boolean admin) {
}
