package com.labelmint.consensus.engine;

/**
 * Scores one item under a fixed model (the last full {@link DawidSkene} pass) when a new answer arrives, without
 * running EM again: the item's E-step alone. Workers the model has not seen (code outside it, or -1) answer
 * with a default confusion matrix: right with the given accuracy, wrong with the rest spread evenly.
 */
public final class ItemScorer {

    /** A caller's accuracy is kept off 0 and 1: one answer's certainty must never silence the others. */
    private static final double MOST_CERTAIN = 0.999;

    private final DawidSkeneModel model;
    private final double logUnseenRight;
    private final double logUnseenWrong;

    /** @param unseenWorkerAccuracy probability, in (0, 1), that a worker the model does not know answers right */
    public ItemScorer(DawidSkeneModel model, double unseenWorkerAccuracy) {
        if (!(unseenWorkerAccuracy > 0 && unseenWorkerAccuracy < 1)) {
            throw new IllegalArgumentException("unseenWorkerAccuracy must be in (0, 1)");
        }
        this.model = model;
        int classes = model.classCount();
        this.logUnseenRight = classes == 1 ? 0 : Math.log(unseenWorkerAccuracy);
        this.logUnseenWrong = classes == 1 ? 0 : Math.log((1 - unseenWorkerAccuracy) / (classes - 1));
    }

    /** @param workers the workers of the item's answers, as coded in the model; labels the classes they chose */
    public ItemPosterior score(int[] workers, int[] labels) {
        return score(workers, labels, null);
    }

    /**
     * The same, with each answer's own accuracy for a worker the model has not seen (a labeler newer than the last
     * fit, known to the caller from elsewhere) instead of the scorer's default.
     */
    public ItemPosterior score(int[] workers, int[] labels, double[] unseenAccuracies) {
        if (workers.length != labels.length || unseenAccuracies != null && unseenAccuracies.length != labels.length) {
            throw new IllegalArgumentException("workers, labels and accuracies must be parallel arrays");
        }
        int classes = model.classCount();
        double[] probabilities = new double[classes];
        if (workers.length == 0) {
            return new ItemPosterior(TaskLabels.NO_LABEL, 0, probabilities);
        }
        double[] logJoint = model.logPriors();
        double[] logConfusion = model.logConfusionShared();
        for (int a = 0; a < workers.length; a++) {
            int worker = workers[a];
            int label = labels[a];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("class " + label + " is outside the model's " + classes);
            }
            boolean known = worker >= 0 && worker < model.workerCount();
            double logRight = logUnseenRight;
            double logWrong = logUnseenWrong;
            if (!known && unseenAccuracies != null && classes > 1) {
                double accuracy = Math.min(MOST_CERTAIN, Math.max(1 - MOST_CERTAIN, unseenAccuracies[a]));
                logRight = Math.log(accuracy);
                logWrong = Math.log((1 - accuracy) / (classes - 1));
            }
            for (int k = 0; k < classes; k++) {
                logJoint[k] += known ? logConfusion[DawidSkeneModel.cellOf(worker, label, k, classes)]
                        : k == label ? logRight : logWrong;
            }
        }
        Posterior.normalise(logJoint, classes, probabilities, 0);
        int label = Posterior.argmax(probabilities, classes, 0);
        return new ItemPosterior(label, probabilities[label], probabilities);
    }
}
