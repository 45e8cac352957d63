package com.labelmint.admin.audit;

import java.time.Instant;
import java.util.UUID;

/** One admin action as the audit log shows it; {@code before} and {@code after} are JSON, or null. */
public record AuditEntry(long id, Instant at, UUID actorId, String action, String targetType, String targetId,
                         String reason, String before, String after) {
}
