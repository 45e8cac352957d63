package com.labelmint.consensus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

    private static final List<String> CLASSES = List.of("cat", "dog", "bird");

    @Test
    void theMostVotedClassWinsWithItsShareAsConfidence() {
        var encoded = answers(List.of(
                row("t1", "a", "dog"), row("t1", "b", "dog"), row("t1", "c", "cat"),
                row("t2", "a", "bird"), row("t2", "b", "bird"), row("t2", "c", "bird"), row("t2", "d", "cat")));

        TaskLabels labels = MajorityVote.aggregate(encoded.matrix());

        assertThat(keyOf(encoded, labels, "t1")).isEqualTo("dog");
        assertThat(labels.confidence(encoded.tasks().codeOf("t1"))).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(keyOf(encoded, labels, "t2")).isEqualTo("bird");
        assertThat(labels.confidence(encoded.tasks().codeOf("t2"))).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aTieGoesToTheClassDeclaredFirst() {
        var encoded = answers(List.of(row("t1", "a", "bird"), row("t1", "b", "dog")));

        TaskLabels labels = MajorityVote.aggregate(encoded.matrix());

        assertThat(keyOf(encoded, labels, "t1")).isEqualTo("dog"); // dog is declared before bird
        assertThat(labels.confidence(0)).isEqualTo(0.5);
    }

    @Test
    void aTaskWithoutAnswersHasNoLabel() {
        AnswerMatrix matrix = AnswerMatrix.withoutGold(new int[] {0}, new int[] {0}, new int[] {1}, 2, 1, 2);

        TaskLabels labels = MajorityVote.aggregate(matrix);

        assertThat(labels.label(1)).isEqualTo(TaskLabels.NO_LABEL);
        assertThat(labels.confidence(1)).isZero();
    }

    @Test
    void theOrderOfTheAnswersDoesNotChangeAnyLabel() {
        Random random = new Random(42);
        List<String[]> rows = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            for (int w = 0; w < 4; w++) { // four votes over three classes: many ties
                rows.add(row("t" + t, "w" + random.nextInt(20), CLASSES.get(random.nextInt(3))));
            }
        }
        var original = answers(rows);
        TaskLabels expected = MajorityVote.aggregate(original.matrix());

        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(rows, random);
            var shuffled = answers(rows);
            TaskLabels labels = MajorityVote.aggregate(shuffled.matrix());
            for (int t = 0; t < 300; t++) {
                assertThat(keyOf(shuffled, labels, "t" + t)).isEqualTo(keyOf(original, expected, "t" + t));
            }
        }
    }

    static String[] row(String task, String worker, String label) {
        return new String[] {task, worker, label};
    }

    static AnswerMatrixBuilder.Encoded<String, String, String> answers(List<String[]> rows) {
        var builder = new AnswerMatrixBuilder<String, String, String>().declareClasses(CLASSES);
        rows.forEach(r -> builder.add(r[0], r[1], r[2]));
        return builder.build();
    }

    static String keyOf(AnswerMatrixBuilder.Encoded<String, String, String> encoded, TaskLabels labels, String task) {
        int label = labels.label(encoded.tasks().codeOf(task));
        return label == TaskLabels.NO_LABEL ? null : encoded.classes().keyOf(label);
    }
}
