package com.labelmint.consensus.engine;

/**
 * The answers grouped by task (compressed rows): task {@code t}'s answers are {@code [start[t], start[t + 1])}.
 * Each answer is kept as one int, the offset in the flat confusion array of {@link DawidSkeneModel}'s layout at
 * which its (worker, observed label) block of K true classes starts. The EM loop reads this one array front to
 * back, both to score a task and to count its answers into the confusion matrices.
 */
final class AnswersByTask {

    final int taskCount;
    final int classCount;
    final int[] start;
    final int[] cell;

    private AnswersByTask(int taskCount, int classCount, int[] start, int[] cell) {
        this.taskCount = taskCount;
        this.classCount = classCount;
        this.start = start;
        this.cell = cell;
    }

    /** A counting sort by task: two passes, stable, so each task keeps its answers in input order. */
    static AnswersByTask of(AnswerMatrix answers) {
        int taskCount = answers.taskCount();
        int classes = answers.classCount();
        Math.multiplyExact(Math.multiplyExact(answers.workerCount(), classes), classes); // the cells must fit an int
        int[] start = new int[taskCount + 1];
        for (int i = 0; i < answers.answerCount(); i++) {
            start[answers.task(i) + 1]++;
        }
        for (int t = 0; t < taskCount; t++) {
            start[t + 1] += start[t];
        }
        int[] next = start.clone();
        int[] cell = new int[answers.answerCount()];
        for (int i = 0; i < answers.answerCount(); i++) {
            cell[next[answers.task(i)]++] = DawidSkeneModel.cellOf(answers.worker(i), answers.label(i), 0, classes);
        }
        return new AnswersByTask(taskCount, classes, start, cell);
    }

    /** The class answer {@code a} chose, read back from its cell. */
    int labelOf(int a) {
        return cell[a] / classCount % classCount;
    }

    int answerCount() {
        return cell.length;
    }

    /**
     * Boundaries of {@code parts} contiguous task ranges with about the same number of answers each:
     * range {@code p} is {@code [bounds[p], bounds[p + 1])}.
     */
    int[] split(int parts) {
        int[] bounds = new int[parts + 1];
        int task = 0;
        for (int p = 1; p < parts; p++) {
            long target = (long) answerCount() * p / parts;
            while (task < taskCount && start[task] < target) {
                task++;
            }
            bounds[p] = task;
        }
        bounds[parts] = taskCount;
        return bounds;
    }
}
