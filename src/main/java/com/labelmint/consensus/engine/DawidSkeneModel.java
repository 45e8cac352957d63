package com.labelmint.consensus.engine;

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

    double[] logPriors() {
        return logPriors;
    }

    double[] logConfusion() {
        return logConfusion;
    }
}
