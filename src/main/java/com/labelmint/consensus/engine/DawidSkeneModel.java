package com.labelmint.consensus.engine;

import java.util.Arrays;

/**
 * What Dawid–Skene learns: how often each class is the truth, and for each worker a confusion matrix, the
 * probability that they answer {@code observed} when the truth is {@code trueClass}. Kept as logarithms in one
 * flat array, {@code [(worker * K + observed) * K + trueClass]}: an answer's K terms, one per true class, are
 * then side by side, which is how the E-step reads them and the M-step counts into them.
 */
public final class DawidSkeneModel {

    private final int classCount;
    private final int workerCount;
    private final double[] logPriors;
    private final double[] logConfusion;

    DawidSkeneModel(int classCount, int workerCount, double[] logPriors, double[] logConfusion) {
        this.classCount = classCount;
        this.workerCount = workerCount;
        this.logPriors = logPriors;
        this.logConfusion = logConfusion;
    }

    /**
     * A model as stored after a fit ({@link #logPriors()}, {@link #logConfusion()}), to score items with later.
     *
     * @throws IllegalArgumentException when the arrays do not have the sizes the counts give
     */
    public static DawidSkeneModel restore(int classCount, int workerCount, double[] logPriors, double[] logConfusion) {
        if (classCount < 1 || workerCount < 0 || logPriors.length != classCount
                || logConfusion.length != (long) workerCount * classCount * classCount) {
            throw new IllegalArgumentException("A model of " + classCount + " classes and " + workerCount
                    + " workers needs " + classCount + " priors and " + workerCount * classCount * classCount + " confusion cells");
        }
        return new DawidSkeneModel(classCount, workerCount, logPriors.clone(), logConfusion.clone());
    }

    /** A model that knows no worker and finds every class equally likely: items are scored by fallback accuracies. */
    public static DawidSkeneModel knowingNoWorker(int classCount) {
        double[] logPriors = new double[classCount];
        Arrays.fill(logPriors, -Math.log(classCount));
        return new DawidSkeneModel(classCount, 0, logPriors, new double[0]);
    }

    public int classCount() {
        return classCount;
    }

    public int workerCount() {
        return workerCount;
    }

    public double classPrior(int trueClass) {
        return Math.exp(logPriors[trueClass]);
    }

    public double confusion(int worker, int trueClass, int observed) {
        return Math.exp(logConfusion[cellOf(worker, observed, trueClass, classCount)]);
    }

    /** The worker's probability of answering right, weighted by how often each class is the truth. */
    public double accuracy(int worker) {
        double accuracy = 0;
        for (int k = 0; k < classCount; k++) {
            accuracy += classPrior(k) * confusion(worker, k, k);
        }
        return accuracy;
    }

    /** Where (worker, observed, trueClass) is in the flat confusion array. */
    static int cellOf(int worker, int observed, int trueClass, int classes) {
        return (worker * classes + observed) * classes + trueClass;
    }

    /** The class priors' logarithms, to store the model; {@link #restore} reads them back. */
    public double[] logPriors() {
        return logPriors.clone();
    }

    /** The confusion matrices' logarithms in the flat layout above, to store the model. */
    public double[] logConfusion() {
        return logConfusion.clone();
    }

    double[] logPriorsShared() {
        return logPriors;
    }

    double[] logConfusionShared() {
        return logConfusion;
    }
}
