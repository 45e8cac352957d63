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
            if (from == to && gold[t] == AnswerMatrix.NO_GOLD) {
                continue; // nothing observed, as in the E-step
            }
            if (gold[t] != AnswerMatrix.NO_GOLD) {
                posteriors[row + gold[t]] = 1;
            } else {
                for (int a = from; a < to; a++) {
                    posteriors[row + answers.labelOf(a)] += 1.0 / (to - from);
                }
            }
            count(t, posteriors, row);
        }
    }

    /** The E-step under the model for this range's tasks, and the counts of the M-step after it. */
    void expectAndCount(DawidSkeneModel model, double[] posteriors) {
        reset();
        int classes = answers.classCount;
        int[] start = answers.start;
        double[] logPriors = model.logPriorsShared();
        double[] logConfusion = model.logConfusionShared();
        double[] joint = logJoint;
        for (int t = fromTask; t < toTask; t++) {
            int from = start[t];
            int to = start[t + 1];
            int known = gold[t];
            if (from == to && known == AnswerMatrix.NO_GOLD) {
                continue; // nothing observed: no evidence, no counts, no label
            }
            sumLogJoint(from, to, logPriors, logConfusion, joint);
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

    /**
     * {@code joint[k] = logPrior[k] + Σ_answers logπ[cell + k]}. Classes go four at a time, so that four
     * independent sums stay in registers through one pass over the task's answers (a third faster than one
     * class per pass for five classes); each class still sums prior first, then answers in order, as
     * {@link ItemScorer} does.
     */
    private void sumLogJoint(int from, int to, double[] logPriors, double[] logConfusion, double[] joint) {
        int classes = answers.classCount;
        int[] cell = answers.cell;
        int k = 0;
        for (; k + 4 <= classes; k += 4) {
            double s0 = logPriors[k];
            double s1 = logPriors[k + 1];
            double s2 = logPriors[k + 2];
            double s3 = logPriors[k + 3];
            for (int a = from; a < to; a++) {
                int c = cell[a] + k;
                s0 += logConfusion[c];
                s1 += logConfusion[c + 1];
                s2 += logConfusion[c + 2];
                s3 += logConfusion[c + 3];
            }
            joint[k] = s0;
            joint[k + 1] = s1;
            joint[k + 2] = s2;
            joint[k + 3] = s3;
        }
        for (; k < classes; k++) {
            double sum = logPriors[k];
            for (int a = from; a < to; a++) {
                sum += logConfusion[cell[a] + k];
            }
            joint[k] = sum;
        }
    }

    /** Adds the task's posterior to the class counts and, per answer, to its cells' counts; four classes at a time. */
    private void count(int task, double[] posteriors, int row) {
        int classes = answers.classCount;
        int[] cell = answers.cell;
        double[] counts = confusionCounts;
        int from = answers.start[task];
        int to = answers.start[task + 1];
        for (int k = 0; k < classes; k++) {
            classCounts[k] += posteriors[row + k];
        }
        int k = 0;
        for (; k + 4 <= classes; k += 4) {
            double p0 = posteriors[row + k];
            double p1 = posteriors[row + k + 1];
            double p2 = posteriors[row + k + 2];
            double p3 = posteriors[row + k + 3];
            for (int a = from; a < to; a++) {
                int c = cell[a] + k;
                counts[c] += p0;
                counts[c + 1] += p1;
                counts[c + 2] += p2;
                counts[c + 3] += p3;
            }
        }
        for (; k < classes; k++) {
            double p = posteriors[row + k];
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
