package com.labelmint.consensus.engine;

import java.util.SplittableRandom;

/**
 * A crowd simulated from known confusion matrices, so that an aggregation can be scored against the truth that
 * generated the answers. Workers have an accuracy drawn in [minAccuracy, maxAccuracy] and one of three habits:
 * honest (errors spread evenly), biased (errors all go to one favourite class) and adversarial (most answers
 * shifted to the next class). Every task gets distinct workers; true classes follow skewed priors.
 */
final class SyntheticCrowd {

    final AnswerMatrix answers;
    final int[] truth;
    /** The generating confusion matrices, {@code [worker][trueClass][observed]}. */
    final double[][][] confusion;

    private SyntheticCrowd(AnswerMatrix answers, int[] truth, double[][][] confusion) {
        this.answers = answers;
        this.truth = truth;
        this.confusion = confusion;
    }

    static SyntheticCrowd generate(long seed, int tasks, int workers, int classes, int answersPerTask,
            double minAccuracy, double maxAccuracy) {
        if (classes < 3) {
            throw new IllegalArgumentException("the adversarial habit needs at least 3 classes");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] confusion = new double[workers][][];
        for (int w = 0; w < workers; w++) {
            double accuracy = minAccuracy + random.nextDouble() * (maxAccuracy - minAccuracy);
            int habit = w % 10; // one in ten biased, one in ten adversarial
            confusion[w] = habit == 8 ? biased(classes, accuracy, random.nextInt(classes))
                    : habit == 9 ? adversarial(classes)
                    : honest(classes, accuracy);
        }
        double[] priors = skewedPriors(classes);
        int[] truth = new int[tasks];
        int[] task = new int[tasks * answersPerTask];
        int[] worker = new int[task.length];
        int[] label = new int[task.length];
        int[] chosen = new int[answersPerTask];
        int i = 0;
        for (int t = 0; t < tasks; t++) {
            truth[t] = draw(priors, random);
            for (int a = 0; a < answersPerTask; a++) {
                chosen[a] = distinctWorker(chosen, a, workers, random);
                task[i] = t;
                worker[i] = chosen[a];
                label[i] = draw(confusion[chosen[a]][truth[t]], random);
                i++;
            }
        }
        return new SyntheticCrowd(AnswerMatrix.withoutGold(task, worker, label, tasks, workers, classes), truth,
                confusion);
    }

    double accuracyOf(TaskLabels labels) {
        int right = 0;
        for (int t = 0; t < truth.length; t++) {
            right += labels.label(t) == truth[t] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    private static double[][] honest(int classes, double accuracy) {
        double[][] matrix = new double[classes][classes];
        for (int k = 0; k < classes; k++) {
            for (int l = 0; l < classes; l++) {
                matrix[k][l] = k == l ? accuracy : (1 - accuracy) / (classes - 1);
            }
        }
        return matrix;
    }

    private static double[][] biased(int classes, double accuracy, int favourite) {
        double[][] matrix = new double[classes][classes];
        for (int k = 0; k < classes; k++) {
            matrix[k][k] = accuracy;
            matrix[k][k == favourite ? (k + 1) % classes : favourite] += 1 - accuracy;
        }
        return matrix;
    }

    /** Answers the next class 70 % of the time, the true one 10 %, anything else the rest. */
    private static double[][] adversarial(int classes) {
        double[][] matrix = new double[classes][classes];
        for (int k = 0; k < classes; k++) {
            for (int l = 0; l < classes; l++) {
                matrix[k][l] = 0.2 / (classes - 2);
            }
            matrix[k][(k + 1) % classes] = 0.7;
            matrix[k][k] = 0.1;
        }
        return matrix;
    }

    private static double[] skewedPriors(int classes) {
        double[] priors = new double[classes];
        double total = classes * (classes + 1) / 2.0;
        for (int k = 0; k < classes; k++) {
            priors[k] = (classes - k) / total;
        }
        return priors;
    }

    private static int draw(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        for (int k = 0; k < probabilities.length - 1; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return probabilities.length - 1;
    }

    private static int distinctWorker(int[] chosen, int count, int workers, SplittableRandom random) {
        while (true) {
            int candidate = random.nextInt(workers);
            boolean taken = false;
            for (int a = 0; a < count; a++) {
                taken |= chosen[a] == candidate;
            }
            if (!taken) {
                return candidate;
            }
        }
    }
}
