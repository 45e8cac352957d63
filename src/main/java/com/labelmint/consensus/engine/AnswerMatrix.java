package com.labelmint.consensus.engine;

import java.util.Arrays;

/**
 * The answers to aggregate, integer-coded: answer {@code i} says that worker {@code worker[i]} gave task
 * {@code task[i]} the class {@code label[i]}. Codes are dense from 0. Optionally, gold: per task the known
 * class, or {@link #NO_GOLD}.
 *
 * <p>The arrays are taken as they are, not copied: the caller hands them over and does not change them after.
 */
public final class AnswerMatrix {

    public static final int NO_GOLD = -1;

    private final int[] task;
    private final int[] worker;
    private final int[] label;
    private final int taskCount;
    private final int workerCount;
    private final int classCount;
    private final int[] gold;

    /**
     * @param gold per task the known class or {@link #NO_GOLD}; null when no task is gold
     * @throws IllegalArgumentException when the arrays differ in length or a code is out of its range
     */
    public AnswerMatrix(int[] task, int[] worker, int[] label, int taskCount, int workerCount, int classCount,
            int[] gold) {
        if (task.length != worker.length || task.length != label.length) {
            throw new IllegalArgumentException("task, worker and label must be parallel arrays");
        }
        if (taskCount < 0 || workerCount < 0 || classCount < 1) {
            throw new IllegalArgumentException("counts must be ≥ 0 (classes ≥ 1)");
        }
        this.task = task;
        this.worker = worker;
        this.label = label;
        this.taskCount = taskCount;
        this.workerCount = workerCount;
        this.classCount = classCount;
        this.gold = gold == null ? noGold(taskCount) : gold;
        if (this.gold.length != taskCount) {
            throw new IllegalArgumentException("gold needs one entry per task");
        }
        checkCodes();
    }

    public static AnswerMatrix withoutGold(int[] task, int[] worker, int[] label, int taskCount, int workerCount,
            int classCount) {
        return new AnswerMatrix(task, worker, label, taskCount, workerCount, classCount, null);
    }

    private static int[] noGold(int taskCount) {
        int[] none = new int[taskCount];
        Arrays.fill(none, NO_GOLD);
        return none;
    }

    private void checkCodes() {
        for (int i = 0; i < task.length; i++) {
            if (task[i] < 0 || task[i] >= taskCount || worker[i] < 0 || worker[i] >= workerCount
                    || label[i] < 0 || label[i] >= classCount) {
                throw new IllegalArgumentException("answer " + i + " has a code out of range");
            }
        }
        for (int t = 0; t < taskCount; t++) {
            if (gold[t] < NO_GOLD || gold[t] >= classCount) {
                throw new IllegalArgumentException("gold of task " + t + " is out of range");
            }
        }
    }

    public int answerCount() {
        return task.length;
    }

    public int task(int answer) {
        return task[answer];
    }

    public int worker(int answer) {
        return worker[answer];
    }

    public int label(int answer) {
        return label[answer];
    }

    public int taskCount() {
        return taskCount;
    }

    public int workerCount() {
        return workerCount;
    }

    public int classCount() {
        return classCount;
    }

    /** The task's known class, or {@link #NO_GOLD}. */
    public int gold(int task) {
        return gold[task];
    }
}
