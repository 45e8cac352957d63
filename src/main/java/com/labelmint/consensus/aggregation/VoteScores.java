package com.labelmint.consensus.aggregation;

/** The arithmetic of votes over {@code k} classes, shared by every aggregator that reduces answers to classes. */
final class VoteScores {

    /** Accuracies are kept away from 0 and 1: one labeler's certainty must never make the others irrelevant. */
    private static final double MOST_CERTAIN = 0.999;

    private VoteScores() {
    }

    /** Each class's share of the votes, every vote counting {@code weights[i]} (or 1 when weights is null). */
    static double[] shares(int[] chosen, double[] weights, int k) {
        double[] share = new double[k];
        double total = 0;
        for (int i = 0; i < chosen.length; i++) {
            double weight = weights == null ? 1 : weights[i];
            share[chosen[i]] += weight;
            total += weight;
        }
        for (int c = 0; c < k; c++) {
            share[c] = total == 0 ? 1.0 / k : share[c] / total;
        }
        return share;
    }

    /**
     * The posterior probability of each true class given the votes, uniform prior, each labeler right with
     * probability {@code accuracy[i]} and otherwise wrong evenly over the other classes (one-coin Dawid–Skene).
     * Computed in log space, so many confident votes do not underflow.
     */
    static double[] posterior(int[] chosen, double[] accuracy, int k) {
        double[] log = new double[k];
        for (int i = 0; i < chosen.length; i++) {
            double right = Math.min(MOST_CERTAIN, Math.max(1 - MOST_CERTAIN, accuracy[i]));
            double logRight = Math.log(right);
            double logWrong = Math.log((1 - right) / (k - 1));
            for (int c = 0; c < k; c++) {
                log[c] += c == chosen[i] ? logRight : logWrong;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : log) {
            max = Math.max(max, value);
        }
        double sum = 0;
        double[] probability = new double[k];
        for (int c = 0; c < k; c++) {
            probability[c] = Math.exp(log[c] - max);
            sum += probability[c];
        }
        for (int c = 0; c < k; c++) {
            probability[c] /= sum;
        }
        return probability;
    }

    /** The class with the highest score; the first of them on a tie. */
    static int best(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best] + 1e-12) {
                best = c;
            }
        }
        return best;
    }
}
