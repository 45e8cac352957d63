package com.labelmint.consensus.engine;

import java.util.Arrays;

/**
 * One contiguous range of tasks and the sums an EM pass over it produces: its share of the log-likelihood and of
 * the expected counts the next M-step needs. Each range writes only its own sums and its own tasks' posteriors,
 * so ranges can run on different threads; {@link DawidSkene} adds their sums in range order.
 */
final class EmPartition {

    private final AnswersByTask answers;
    private final int[] gold;
    private final int fromTask;
    private final int toTask;
    private final double[] logJoint;
    final double[] confusionCounts;
    final double[] classCounts;
    double logLikelihood;

    EmPartition(AnswersByTask answers, int[] gold, int fromTask, int toTask, int workerCount) {
        this.answers = answers;
        this.gold = gold;
        this.fromTask = fromTask;
        this.toTask = toTask;
        int classes = answers.classCount;
        this.logJoint = new double[classes];
        this.confusionCounts = new double[workerCount * classes * classes];
        this.classCounts = new double[classes];
    }

    /**
     * The initial posteriors: each task's vote shares (a soft majority vote; gold tasks certain of their class),
     * counted as an E-step's would be.
     */
    void countVoteShares(double[] posteriors) {
        reset();
        int classes = answers.classCount;
        for (int t = fromTask; t < toTask; t++) {
            int row = t * classes;
            int from = answers.start[t];
            int to = answers.start[t + 1];
            if (gold[t] != AnswerMatrix.NO_GOLD) {
                posteriors[row + gold[t]] = 1;
            } else if (from < to) {
                for (int a = from; a < to; a++) {
                    posteriors[row + answers.labelOf(a)] += 1.0 / (to - from);
                }
            } else {
                continue;
            }
            count(t, posteriors, row);
        }
    }

    /** The E-step under the model for this range's tasks, and the counts of the M-step after it. */
    void expectAndCount(DawidSkeneModel model, double[] posteriors) {
        reset();
        int classes = answers.classCount;
        int[] start = answers.start;
        int[] cell = answers.cell;
        double[] logPriors = model.logPriors();
        double[] logConfusion = model.logConfusion();
        double[] joint = logJoint;
        for (int t = fromTask; t < toTask; t++) {
            int from = start[t];
            int to = start[t + 1];
            int known = gold[t];
            if (from == to && known == AnswerMatrix.NO_GOLD) {
                continue; // nothing observed: no evidence, no counts, no label
            }
            // class-outer, answer-inner: the running sum stays in a register (the few cells are re-read from L1)
            for (int k = 0; k < classes; k++) {
                double sum = logPriors[k];
                for (int a = from; a < to; a++) {
                    sum += logConfusion[cell[a] + k];
                }
                joint[k] = sum;
            }
            int row = t * classes;
            if (known == AnswerMatrix.NO_GOLD) {
                logLikelihood += Posterior.normalise(joint, classes, posteriors, row);
            } else {
                // the truth is observed: its joint probability is the task's likelihood, and the posterior is certain
                logLikelihood += joint[known];
                Arrays.fill(posteriors, row, row + classes, 0);
                posteriors[row + known] = 1;
            }
            count(t, posteriors, row);
        }
    }

    private void count(int task, double[] posteriors, int row) {
        int classes = answers.classCount;
        int[] cell = answers.cell;
        double[] counts = confusionCounts;
        int from = answers.start[task];
        int to = answers.start[task + 1];
        for (int k = 0; k < classes; k++) {
            double p = posteriors[row + k];
            if (p == 0) {
                continue; // adds nothing: saves the loop for the K - 1 classes of a gold task
            }
            classCounts[k] += p;
            for (int a = from; a < to; a++) {
                counts[cell[a] + k] += p;
            }
        }
    }

    private void reset() {
        Arrays.fill(confusionCounts, 0);
        Arrays.fill(classCounts, 0);
        logLikelihood = 0;
    }
}
