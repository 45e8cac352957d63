package com.labelmint.consensus.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Dawid and Skene's expectation–maximisation (1979): learns each worker's confusion matrix and the class priors
 * together with the posterior of every task's true class.
 *
 * <ul>
 * <li>Start: each task's vote shares as its posterior (a soft majority vote), then an M-step.</li>
 * <li>E-step: per task, {@code log prior_k + Σ_answers log π_worker[k][label]} for every class k, normalised
 * (in log space, so ten answers over five classes do not underflow). A gold task's posterior is its known class.</li>
 * <li>M-step ({@link MStep}): priors are the mean posterior over tasks with anything observed; each confusion row
 * is the expected counts plus {@link DawidSkeneOptions#smoothing} pseudo-counts per cell, normalised.</li>
 * <li>Stop: when the true log-likelihood of the observed data, {@code Σ_tasks log Σ_k prior_k Π π_w[k][label]}
 * (the prior once per task), rose by less than the relative tolerance, or after the maximum of iterations.</li>
 * </ul>
 *
 * <p>One pass over the answers per iteration: the E-step of a task is followed at once by its share of the next
 * M-step's counts. Task ranges ({@link DawidSkeneOptions#partitions}) run in parallel for large inputs, each with
 * its own sums, added in a fixed order: the same input and options give the same result, bit for bit.
 */
public final class DawidSkene {

    /** Below this many answers a pass takes well under a millisecond: threads would only add overhead. */
    private static final int PARALLEL_FROM_ANSWERS = 50_000;

    private final DawidSkeneOptions options;

    public DawidSkene(DawidSkeneOptions options) {
        this.options = options;
    }

    public DawidSkeneResult fit(AnswerMatrix answers) {
        AnswersByTask byTask = AnswersByTask.of(answers);
        int classes = answers.classCount();
        int[] gold = new int[answers.taskCount()];
        Arrays.setAll(gold, answers::gold);
        EmPartition[] partitions = partitions(byTask, gold, answers.workerCount());
        boolean parallel = partitions.length > 1 && byTask.answerCount() >= PARALLEL_FROM_ANSWERS;
        double[] posteriors = new double[Math.multiplyExact(answers.taskCount(), classes)];

        run(partitions, parallel, partition -> partition.countVoteShares(posteriors));
        MStep mStep = new MStep(classes, answers.workerCount(), options.smoothing());
        DawidSkeneModel model = mStep.maximise(partitions);
        double penalty = mStep.smoothingLogDensity(model);

        double[] logLikelihoods = new double[options.maxIterations()];
        double[] objectives = new double[options.maxIterations()];
        int iterations = 0;
        boolean converged = false;
        while (true) {
            DawidSkeneModel current = model;
            run(partitions, parallel, partition -> partition.expectAndCount(current, posteriors));
            double logLikelihood = 0;
            for (EmPartition partition : partitions) {
                logLikelihood += partition.logLikelihood;
            }
            logLikelihoods[iterations] = logLikelihood;
            objectives[iterations] = logLikelihood + penalty;
            iterations++;
            converged = iterations > 1 && stalled(logLikelihoods[iterations - 2], logLikelihood);
            if (converged || iterations == options.maxIterations()) {
                break; // the posteriors are those of `model`: keep the pair consistent for the scorer
            }
            model = mStep.maximise(partitions);
            penalty = mStep.smoothingLogDensity(model);
        }
        return new DawidSkeneResult(labels(byTask, gold, posteriors), posteriors, model,
                Arrays.copyOf(logLikelihoods, iterations), Arrays.copyOf(objectives, iterations), converged);
    }

    /**
     * True when the log-likelihood rose by less than the tolerance's share of its size, or fell (which, with
     * smoothing, it may do by a hair near the optimum: only the smoothed objective is sure to rise).
     */
    private boolean stalled(double previous, double current) {
        return options.tolerance() > 0 && current - previous <= options.tolerance() * Math.abs(previous);
    }

    private EmPartition[] partitions(AnswersByTask byTask, int[] gold, int workerCount) {
        int[] bounds = byTask.split(options.partitions());
        EmPartition[] partitions = new EmPartition[options.partitions()];
        for (int p = 0; p < partitions.length; p++) {
            partitions[p] = new EmPartition(byTask, gold, bounds[p], bounds[p + 1], workerCount);
        }
        return partitions;
    }

    private static void run(EmPartition[] partitions, boolean parallel, Consumer<EmPartition> pass) {
        if (parallel) {
            IntStream.range(0, partitions.length).parallel().forEach(p -> pass.accept(partitions[p]));
        } else {
            for (EmPartition partition : partitions) {
                pass.accept(partition);
            }
        }
    }

    private static TaskLabels labels(AnswersByTask byTask, int[] gold, double[] posteriors) {
        int classes = byTask.classCount;
        int[] labels = new int[byTask.taskCount];
        double[] confidences = new double[byTask.taskCount];
        for (int t = 0; t < byTask.taskCount; t++) {
            if (byTask.start[t] == byTask.start[t + 1] && gold[t] == AnswerMatrix.NO_GOLD) {
                labels[t] = TaskLabels.NO_LABEL;
                continue;
            }
            labels[t] = Posterior.argmax(posteriors, classes, t * classes);
            confidences[t] = posteriors[t * classes + labels[t]];
        }
        return new TaskLabels(labels, confidences);
    }
}
