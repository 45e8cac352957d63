package com.labelmint.users.api;

import java.time.Instant;
import java.util.List;

/**
 * A labeler's standing: a score in [0, 1] overall and per skill. A labeler nobody has measured yet has
 * the neutral {@link #UNMEASURED_SCORE} and no skills.
 */
public record Reputation(double score, List<SkillScore> skills, Instant measuredAt) {

    public static final double UNMEASURED_SCORE = 0.5;

    public record SkillScore(String skill, double score, Instant measuredAt) {
    }
}
