package com.labelmint.consensus.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A dispute: what was objected to ({@code kind} {@code rejected-answer} or {@code item-label}), by whom and why,
 * and how it was settled; {@code newLabel} is JSON, or null.
 */
public record DisputeView(UUID id, String kind, UUID projectId, long itemId, UUID answerId, UUID openedBy, String reason,
                          Instant openedAt, String status, UUID resolvedBy, Instant resolvedAt, String resolutionNote,
                          String newLabel) {
}
