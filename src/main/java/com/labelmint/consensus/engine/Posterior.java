package com.labelmint.consensus.engine;

/** Turns a task's joint log-probabilities per class into its posterior: the one step the E-step and the scorer share. */
final class Posterior {

    private Posterior() {
    }

    /**
     * Normalises {@code logJoint[0..K)} into probabilities written to {@code out[offset..offset+K)}, subtracting
     * the largest term first so that many small probabilities do not underflow.
     *
     * @return the log of the evidence, {@code log Σ_k exp(logJoint[k])}
     */
    static double normalise(double[] logJoint, int classes, double[] out, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logJoint[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            double p = Math.exp(logJoint[k] - max);
            out[offset + k] = p;
            sum += p;
        }
        double scale = 1 / sum;
        for (int k = 0; k < classes; k++) {
            out[offset + k] *= scale;
        }
        return max + Math.log(sum);
    }

    /** The most probable class, ties to the lowest code. */
    static int argmax(double[] probabilities, int classes, int offset) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probabilities[offset + k] > probabilities[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
