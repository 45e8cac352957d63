package com.labelmint.consensus.engine;

/**
 * The outcome of an aggregation: per task the chosen class and how sure the method is of it (in [0, 1]; its
 * meaning is the method's, see each). A task with nothing to decide on has {@link #NO_LABEL} and confidence 0.
 */
public final class TaskLabels {

    public static final int NO_LABEL = -1;

    private final int[] labels;
    private final double[] confidences;

    TaskLabels(int[] labels, double[] confidences) {
        this.labels = labels;
        this.confidences = confidences;
    }

    public int taskCount() {
        return labels.length;
    }

    public int label(int task) {
        return labels[task];
    }

    public double confidence(int task) {
        return confidences[task];
    }
}
