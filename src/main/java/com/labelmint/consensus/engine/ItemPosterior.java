package com.labelmint.consensus.engine;

/**
 * One item's posterior over the classes: the most probable class (ties to the lowest code, {@link TaskLabels#NO_LABEL}
 * without answers), its probability, and the whole distribution.
 */
public record ItemPosterior(int label, double confidence, double[] probabilities) {

    public double probability(int trueClass) {
        return probabilities[trueClass];
    }
}
