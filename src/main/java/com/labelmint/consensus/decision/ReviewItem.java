package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item waiting for a reviewer: consensus's best guess, how sure it was, why it needs a person, and the
 * answers given (without who gave them, so the review judges answers, not people).
 */
public record ReviewItem(long itemId, UUID projectId, JsonNode suggestion, Double confidence, String method, String reason,
                         List<JsonNode> answers, Instant waitingSince) {
}
