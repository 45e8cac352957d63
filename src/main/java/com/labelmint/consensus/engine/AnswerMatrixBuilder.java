package com.labelmint.consensus.engine;

import java.util.List;

/**
 * Collects answers keyed by the caller's own types (a CSV's strings, or item id, labeler id and label value)
 * and encodes them into an {@link AnswerMatrix}, keeping the {@link Codebook}s to turn codes back into keys.
 *
 * <p>Codes follow first appearance. Task and worker codes only name things, but class codes decide ties
 * (lowest code wins): declare the label schema's values up front with {@link #declareClasses} so that ties go the
 * same way whatever order the answers arrive in. Values not declared get the next codes as they appear.
 *
 * <p>Memory: three growable int arrays (12 bytes per answer) plus one map entry per distinct key.
 */
public final class AnswerMatrixBuilder<T, W, L> {

    private final Codebook<T> tasks = new Codebook<>();
    private final Codebook<W> workers = new Codebook<>();
    private final Codebook<L> classes = new Codebook<>();
    private final IntList task;
    private final IntList worker;
    private final IntList label;
    private final IntList gold = new IntList(16);

    public AnswerMatrixBuilder() {
        this(1024);
    }

    /** @param expectedAnswers a capacity hint; the arrays grow past it if needed */
    public AnswerMatrixBuilder(int expectedAnswers) {
        task = new IntList(expectedAnswers);
        worker = new IntList(expectedAnswers);
        label = new IntList(expectedAnswers);
    }

    /** Gives the classes codes 0, 1, 2, … in this order; call before adding answers. */
    public AnswerMatrixBuilder<T, W, L> declareClasses(List<L> values) {
        if (classes.size() > 0) {
            throw new IllegalStateException("classes are already coded; declare them before the first answer");
        }
        values.forEach(classes::encode);
        return this;
    }

    public AnswerMatrixBuilder<T, W, L> add(T taskKey, W workerKey, L labelValue) {
        task.add(tasks.encode(taskKey));
        worker.add(workers.encode(workerKey));
        label.add(classes.encode(labelValue));
        return this;
    }

    /** Marks a task as gold: its class is known. The task need not have answers. */
    public AnswerMatrixBuilder<T, W, L> gold(T taskKey, L knownClass) {
        gold.set(tasks.encode(taskKey), classes.encode(knownClass), AnswerMatrix.NO_GOLD);
        return this;
    }

    public Encoded<T, W, L> build() {
        int answers = task.size();
        AnswerMatrix matrix = new AnswerMatrix(task.toArray(answers, 0), worker.toArray(answers, 0),
                label.toArray(answers, 0), tasks.size(), workers.size(), Math.max(classes.size(), 1),
                gold.toArray(tasks.size(), AnswerMatrix.NO_GOLD));
        return new Encoded<>(matrix, tasks, workers, classes);
    }

    /** The matrix with the codebooks that translate its codes back into the caller's keys. */
    public record Encoded<T, W, L>(AnswerMatrix matrix, Codebook<T> tasks, Codebook<W> workers,
            Codebook<L> classes) {
    }
}
