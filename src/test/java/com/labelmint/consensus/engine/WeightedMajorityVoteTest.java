package com.labelmint.consensus.engine;

import static com.labelmint.consensus.engine.MajorityVoteTest.answers;
import static com.labelmint.consensus.engine.MajorityVoteTest.keyOf;
import static com.labelmint.consensus.engine.MajorityVoteTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedMajorityVoteTest {

    private final AnswerMatrixBuilder.Encoded<String, String, String> encoded = answers(List.of(
            row("t1", "expert", "cat"), row("t1", "novice1", "dog"), row("t1", "novice2", "dog")));

    @Test
    void aHeavyVoteOutweighsTwoLightOnes() {
        TaskLabels labels = WeightedMajorityVote.aggregate(encoded.matrix(), weights(0.9, 0.3, 0.3));

        assertThat(keyOf(encoded, labels, "t1")).isEqualTo("cat");
        assertThat(labels.confidence(0)).isCloseTo(0.9 / 1.5, within(1e-12));
    }

    @Test
    void equalWeightsAgreeWithMajorityVote() {
        TaskLabels labels = WeightedMajorityVote.aggregate(encoded.matrix(), weights(0.5, 0.5, 0.5));

        assertThat(keyOf(encoded, labels, "t1")).isEqualTo("dog");
        assertThat(labels.confidence(0)).isCloseTo(MajorityVote.aggregate(encoded.matrix()).confidence(0), within(1e-12));
    }

    @Test
    void anExactTieOfWeightsGoesToTheClassDeclaredFirst() {
        TaskLabels labels = WeightedMajorityVote.aggregate(encoded.matrix(), weights(1.0, 0.5, 0.5));

        assertThat(keyOf(encoded, labels, "t1")).isEqualTo("cat");
        assertThat(labels.confidence(0)).isEqualTo(0.5);
    }

    @Test
    void votersWhoAllWeighNothingDecideNothing() {
        TaskLabels labels = WeightedMajorityVote.aggregate(encoded.matrix(), weights(0, 0, 0));

        assertThat(labels.label(0)).isEqualTo(TaskLabels.NO_LABEL);
    }

    @Test
    void refusesAMissingOrNegativeWeight() {
        assertThatThrownBy(() -> WeightedMajorityVote.aggregate(encoded.matrix(), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedMajorityVote.aggregate(encoded.matrix(), new double[] {1, -1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedMajorityVote.aggregate(encoded.matrix(), new double[] {1, Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Weights in worker-code order: expert, novice1, novice2 (the order they first answered). */
    private double[] weights(double expert, double novice1, double novice2) {
        assertThat(encoded.workers().keys()).containsExactly("expert", "novice1", "novice2");
        return new double[] {expert, novice1, novice2};
    }
}
