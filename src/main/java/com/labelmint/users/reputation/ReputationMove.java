package com.labelmint.users.reputation;

import java.time.Instant;

/** One line of a labeler's reputation history, newest first. {@code skill} is {@code null} for the overall score. */
public record ReputationMove(String skill, Double previousScore, double score, Instant measuredAt) {

    static ReputationMove of(ReputationHistoryEntry entry) {
        return new ReputationMove(ReputationScore.OVERALL.equals(entry.skill) ? null : entry.skill,
                entry.previousScore, entry.score, entry.measuredAt);
    }
}
