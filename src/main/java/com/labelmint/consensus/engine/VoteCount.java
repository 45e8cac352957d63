package com.labelmint.consensus.engine;

/**
 * Weighted votes per task and class, and the winner of each task. Shared by the two vote rules, which differ
 * only in the weight of a vote.
 */
final class VoteCount {

    private VoteCount() {
    }

    /**
     * @param weights the weight of each worker's votes, or null for 1 each
     * @return per task the class with the largest total weight, ties to the lowest class code; confidence is that
     *         total over the task's total weight. A task without answers, or whose answers all weigh 0, has no label.
     */
    static TaskLabels winners(AnswerMatrix answers, double[] weights) {
        int classes = answers.classCount();
        int taskCount = answers.taskCount();
        double[] votes = new double[Math.multiplyExact(taskCount, classes)];
        for (int i = 0; i < answers.answerCount(); i++) {
            votes[answers.task(i) * classes + answers.label(i)] += weights == null ? 1 : weights[answers.worker(i)];
        }
        int[] labels = new int[taskCount];
        double[] confidences = new double[taskCount];
        for (int t = 0; t < taskCount; t++) {
            int row = t * classes;
            int best = TaskLabels.NO_LABEL;
            double bestVotes = 0;
            double total = 0;
            for (int k = 0; k < classes; k++) {
                double v = votes[row + k];
                total += v;
                if (v > bestVotes) { // strictly greater: on a tie the lower code, met first, stays
                    best = k;
                    bestVotes = v;
                }
            }
            labels[t] = best;
            confidences[t] = best == TaskLabels.NO_LABEL ? 0 : bestVotes / total;
        }
        return new TaskLabels(labels, confidences);
    }
}
