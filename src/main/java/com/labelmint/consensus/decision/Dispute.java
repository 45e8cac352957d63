package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A dispute as its parties and admins see it: what was objected to, by whom and why, and how it was settled. */
public record Dispute(UUID id, String kind, UUID projectId, long itemId, UUID answerId, UUID openedBy, String reason,
                      Instant openedAt, String status, UUID resolvedBy, Instant resolvedAt, String resolutionNote,
                      JsonNode newLabel) {
}
