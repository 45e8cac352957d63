package com.labelmint.projects.api;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.Set;

/**
 * How a project is labeled and paid.
 *
 * @param overlap answers each item gets before consensus looks at it (1–15)
 * @param maxOverlap the most answers dynamic overlap may ask for when consensus is unsure (overlap–15)
 * @param leaseSeconds how long a labeler holds a task before it returns to the queue
 * @param goldRate the share of tasks that are gold items, to measure labelers (0–0.5)
 * @param priority higher first, across the projects a labeler may work on (0–100)
 * @param acceptanceThreshold the confidence consensus needs to accept a label (0.5–1)
 * @param fraudAction what happens to a labeler consensus flags as unreliable in this project
 */
public record ProjectSettings(int overlap, int maxOverlap, Money rewardPerAnswer, int leaseSeconds, double goldRate,
                              int priority, Instant deadline, Set<String> requiredSkills,
                              AggregationMethod aggregation, double acceptanceThreshold, boolean reviewRequired,
                              FraudAction fraudAction) {

    /** The most answers one item ever takes, dynamic overlap and replaced void answers included. */
    public static final int MOST_ANSWERS_PER_ITEM = 15;

    /** A copy stored or published before projects had a fraud action reads as the default one. */
    public ProjectSettings {
        fraudAction = fraudAction == null ? FraudAction.EXCLUDE : fraudAction;
    }
}
