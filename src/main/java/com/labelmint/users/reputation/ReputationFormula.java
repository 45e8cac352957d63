package com.labelmint.users.reputation;

import com.labelmint.users.api.Reputation;

/**
 * Turns measured quality into a score in [0, 1] (docs/decisions/reputation.md).
 *
 * <p>Gold accuracy and agreement with consensus are each smoothed towards the neutral score with a
 * Beta(1, 1) prior, so three lucky answers do not make a star nor three unlucky ones a pariah. Gold counts
 * for more than agreement because it is the truth, while agreement can be earned by following the crowd.
 * Each lost dispute then takes a tenth of what is left.
 */
final class ReputationFormula {

    static final double GOLD_WEIGHT = 0.6;
    static final double AGREEMENT_WEIGHT = 1 - GOLD_WEIGHT;
    static final double KEPT_PER_LOST_DISPUTE = 0.9;
    private static final double PRIOR_SUCCESSES = 2 * Reputation.UNMEASURED_SCORE;
    private static final double PRIOR_ANSWERS = 2;

    private ReputationFormula() {
    }

    static double score(QualityMeasurement quality) {
        double gold = smoothed(quality.goldCorrect(), quality.goldAnswers());
        double agreement = smoothed(quality.agreedAnswers(), quality.decidedAnswers());
        double score = (GOLD_WEIGHT * gold + AGREEMENT_WEIGHT * agreement)
                * Math.pow(KEPT_PER_LOST_DISPUTE, quality.disputesLost());
        return roundedToFourPlaces(Math.max(0, Math.min(1, score)));
    }

    private static double smoothed(long successes, long answers) {
        return (successes + PRIOR_SUCCESSES) / (answers + PRIOR_ANSWERS);
    }

    /** Scores are shown and compared at four places; finer noise would only churn events and history. */
    private static double roundedToFourPlaces(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
