package com.labelmint.consensus.engine;

/**
 * Majority vote where each worker's vote weighs what the caller says (for example the labeler's quality).
 * Confidence is the winner's weight over the task's total weight; ties go to the lowest class code, as in
 * {@link MajorityVote}. A task whose voters all weigh 0 has no label.
 */
public final class WeightedMajorityVote {

    private WeightedMajorityVote() {
    }

    /** @param workerWeights one finite, non-negative weight per worker code */
    public static TaskLabels aggregate(AnswerMatrix answers, double[] workerWeights) {
        if (workerWeights.length != answers.workerCount()) {
            throw new IllegalArgumentException("one weight per worker is needed: " + answers.workerCount()
                    + " workers, " + workerWeights.length + " weights");
        }
        for (double weight : workerWeights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and ≥ 0, not " + weight);
            }
        }
        return VoteCount.winners(answers, workerWeights);
    }
}
