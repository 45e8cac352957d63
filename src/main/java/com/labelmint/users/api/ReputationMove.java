package com.labelmint.users.api;

import java.time.Instant;

/** One line of a labeler's reputation history, newest first. {@code skill} is {@code null} for the overall score. */
public record ReputationMove(String skill, Double previousScore, double score, Instant measuredAt) {
}
