package com.labelmint.consensus.aggregation;

/** Vote counting over {@code k} classes, shared by the aggregators that reduce answers to classes. */
final class VoteScores {

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
