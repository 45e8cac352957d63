package com.labelmint.consensus.engine;

import java.util.Arrays;

/**
 * The outcome of {@link DawidSkene#fit}: labels, the posteriors they come from, the model that produced those
 * posteriors (hand it to {@link ItemScorer} to score one item later the same way), and how EM went.
 */
public final class DawidSkeneResult {

    private final TaskLabels labels;
    private final double[] posteriors;
    private final DawidSkeneModel model;
    private final double[] logLikelihoods;
    private final double[] objectives;
    private final boolean converged;

    DawidSkeneResult(TaskLabels labels, double[] posteriors, DawidSkeneModel model, double[] logLikelihoods,
            double[] objectives, boolean converged) {
        this.labels = labels;
        this.posteriors = posteriors;
        this.model = model;
        this.logLikelihoods = logLikelihoods;
        this.objectives = objectives;
        this.converged = converged;
    }

    /** Per task the most probable class (ties to the lowest code); confidence is its posterior probability. */
    public TaskLabels labels() {
        return labels;
    }

    /** The probability that the task's true class is {@code trueClass}; all 0 for a task with nothing observed. */
    public double posterior(int task, int trueClass) {
        return posteriors[task * model.classCount() + trueClass];
    }

    public DawidSkeneModel model() {
        return model;
    }

    /** E-steps run (each after an M-step). */
    public int iterations() {
        return logLikelihoods.length;
    }

    /** True when the tolerance stopped EM, false when it ran out of iterations. */
    public boolean converged() {
        return converged;
    }

    /** {@code Σ_tasks log Σ_k prior_k Π_answers π_worker[k][label]} under the returned model. */
    public double logLikelihood() {
        return logLikelihoods[logLikelihoods.length - 1];
    }

    /** The log-likelihood after each E-step. */
    public double[] logLikelihoods() {
        return logLikelihoods.clone();
    }

    /**
     * After each E-step, the log-likelihood plus the log-density of the smoothing's Dirichlet prior over the
     * confusion matrices (up to a constant): with smoothing, EM maximises this, and this is what never decreases.
     * Equal to the log-likelihood when smoothing is 0.
     */
    public double[] objectives() {
        return objectives.clone();
    }

    @Override
    public String toString() {
        return "DawidSkeneResult[iterations=" + iterations() + ", converged=" + converged + ", logLikelihood="
                + logLikelihood() + ", priors=" + Arrays.toString(priors()) + "]";
    }

    private double[] priors() {
        double[] priors = new double[model.classCount()];
        Arrays.setAll(priors, model::classPrior);
        return priors;
    }
}
