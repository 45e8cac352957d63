package com.labelmint.consensus.engine;

import java.util.Arrays;

/**
 * Dawid–Skene's M-step: from the expected counts the {@link EmPartition}s gathered, the model that maximises the
 * smoothed likelihood. Priors are the mean posterior over the tasks with anything observed; each confusion row
 * is its expected counts plus {@code smoothing} pseudo-counts per cell, normalised.
 */
final class MStep {

    private final int classes;
    private final int workerCount;
    private final double smoothing;

    MStep(int classes, int workerCount, double smoothing) {
        this.classes = classes;
        this.workerCount = workerCount;
        this.smoothing = smoothing;
    }

    /** The partitions' sums are added in partition order: the result never depends on which thread ran which. */
    DawidSkeneModel maximise(EmPartition[] partitions) {
        double[] classCounts = new double[classes];
        double[] confusionCounts = new double[workerCount * classes * classes];
        for (EmPartition partition : partitions) {
            for (int k = 0; k < classes; k++) {
                classCounts[k] += partition.classCounts[k];
            }
            double[] counts = partition.confusionCounts;
            for (int i = 0; i < counts.length; i++) {
                confusionCounts[i] += counts[i];
            }
        }
        return new DawidSkeneModel(classes, workerCount, logPriors(classCounts), normaliseInPlace(confusionCounts));
    }

    /** {@code smoothing × Σ log π}: the log-density, up to a constant, of the Dirichlet prior the smoothing stands for. */
    double smoothingLogDensity(DawidSkeneModel model) {
        if (smoothing == 0) {
            return 0;
        }
        double sum = 0;
        for (double logProbability : model.logConfusionShared()) {
            sum += logProbability;
        }
        return smoothing * sum;
    }

    private double[] logPriors(double[] classCounts) {
        double tasks = 0;
        for (double count : classCounts) {
            tasks += count;
        }
        double[] logPriors = new double[classes];
        for (int k = 0; k < classes; k++) {
            // no task observed at all: uniform priors rather than 0/0
            logPriors[k] = tasks > 0 ? Math.log(classCounts[k] / tasks) : -Math.log(classes);
        }
        return logPriors;
    }

    /** Expected counts to smoothed log-probabilities, worker by worker, in the same array. */
    private double[] normaliseInPlace(double[] counts) {
        double[] logRowTotals = new double[classes];
        for (int worker = 0; worker < workerCount; worker++) {
            int block = DawidSkeneModel.cellOf(worker, 0, 0, classes);
            int blockEnd = block + classes * classes;
            // a row (true class k) of the worker's matrix is strided: [block + observed * K + k]
            Arrays.fill(logRowTotals, classes * smoothing);
            for (int i = block; i < blockEnd; i += classes) {
                for (int k = 0; k < classes; k++) {
                    logRowTotals[k] += counts[i + k];
                }
            }
            for (int k = 0; k < classes; k++) {
                logRowTotals[k] = Math.log(logRowTotals[k]);
            }
            for (int i = block; i < blockEnd; i += classes) {
                for (int k = 0; k < classes; k++) {
                    // a row with no evidence and no smoothing is 0/0: uniform, the only answer that favours nothing
                    counts[i + k] = Double.isInfinite(logRowTotals[k]) ? -Math.log(classes)
                            : Math.log(counts[i + k] + smoothing) - logRowTotals[k];
                }
            }
        }
        return counts;
    }
}
