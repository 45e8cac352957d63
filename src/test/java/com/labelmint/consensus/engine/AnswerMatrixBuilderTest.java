package com.labelmint.consensus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnswerMatrixBuilderTest {

    @Test
    void codesKeysInTheOrderTheyFirstAppearAndDecodesThemBack() {
        var encoded = new AnswerMatrixBuilder<String, String, String>()
                .add("t2", "alice", "cat")
                .add("t1", "bob", "dog")
                .add("t2", "bob", "cat")
                .build();

        AnswerMatrix matrix = encoded.matrix();
        assertThat(matrix.answerCount()).isEqualTo(3);
        assertThat(matrix.taskCount()).isEqualTo(2);
        assertThat(matrix.workerCount()).isEqualTo(2);
        assertThat(matrix.classCount()).isEqualTo(2);
        assertThat(encoded.tasks().keys()).containsExactly("t2", "t1");
        assertThat(encoded.workers().keys()).containsExactly("alice", "bob");
        assertThat(encoded.classes().keys()).containsExactly("cat", "dog");
        assertThat(new int[] {matrix.task(2), matrix.worker(2), matrix.label(2)}).containsExactly(0, 1, 0);
        assertThat(encoded.tasks().codeOf("t1")).isEqualTo(1);
        assertThat(encoded.tasks().codeOf("t9")).isEqualTo(-1);
    }

    @Test
    void declaredClassesTakeTheFirstCodesInSchemaOrder() {
        var encoded = new AnswerMatrixBuilder<Long, UUID, String>()
                .declareClasses(List.of("positive", "negative", "neutral"))
                .add(7L, UUID.randomUUID(), "neutral")
                .build();

        assertThat(encoded.classes().keys()).containsExactly("positive", "negative", "neutral");
        assertThat(encoded.matrix().classCount()).isEqualTo(3);
        assertThat(encoded.matrix().label(0)).isEqualTo(2);
    }

    @Test
    void goldIsKeptPerTaskAndATaskWithoutGoldHasNone() {
        var encoded = new AnswerMatrixBuilder<String, String, String>()
                .add("t1", "alice", "cat")
                .add("t2", "alice", "dog")
                .gold("t2", "cat")
                .gold("t3", "dog") // gold without answers yet
                .build();

        AnswerMatrix matrix = encoded.matrix();
        assertThat(matrix.taskCount()).isEqualTo(3);
        assertThat(matrix.gold(0)).isEqualTo(AnswerMatrix.NO_GOLD);
        assertThat(matrix.gold(1)).isEqualTo(encoded.classes().codeOf("cat"));
        assertThat(matrix.gold(2)).isEqualTo(encoded.classes().codeOf("dog"));
    }

    @Test
    void classesCannotBeDeclaredAfterAnswers() {
        var builder = new AnswerMatrixBuilder<String, String, String>().add("t1", "alice", "cat");

        assertThatThrownBy(() -> builder.declareClasses(List.of("cat", "dog")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsPastItsCapacityHint() {
        var builder = new AnswerMatrixBuilder<Integer, Integer, Integer>(1);
        for (int i = 0; i < 10_000; i++) {
            builder.add(i / 10, i % 7, i % 3);
        }

        AnswerMatrix matrix = builder.build().matrix();
        assertThat(matrix.answerCount()).isEqualTo(10_000);
        assertThat(matrix.task(9_999)).isEqualTo(999);
        assertThat(matrix.worker(9_999)).isEqualTo(9_999 % 7);
    }

    @Test
    void aMatrixRefusesCodesOutOfRange() {
        assertThatThrownBy(() -> AnswerMatrix.withoutGold(new int[] {0}, new int[] {0}, new int[] {2}, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerMatrix.withoutGold(new int[] {0, 0}, new int[] {0}, new int[] {0}, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
