package com.labelmint.consensus.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An item waiting for a reviewer, as a queue lists it: consensus's suggestion (JSON) and how sure it was, why it
 * needs a person, how many answers it has, and since when it waits.
 */
public record ItemInReview(long itemId, UUID projectId, String projectName, String suggestion, Double confidence, String reason,
                           int answers, Instant waitingSince) {
}
