package com.labelmint.consensus.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.labelmint.consensus.aggregation.ItemAggregator;
import com.labelmint.consensus.aggregation.ItemAggregators;
import com.labelmint.consensus.aggregation.LabelerModel;
import com.labelmint.consensus.aggregation.Vote;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.LabelSpec;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Overlap policies replayed by hand on majority votes over cat / dog / fox (ties go to the schema's first option). */
class OverlapReplayTest {

    private static final ItemAggregator MAJORITY = ItemAggregators.forLabel(new LabelSpec.SingleChoice(List.of(
            new LabelSpec.Option("cat", null), new LabelSpec.Option("dog", null), new LabelSpec.Option("fox", null))),
            AggregationMethod.MV, LabelerModel.none(3));

    /** Overlap 3, at most 7, sure at 0.7. */
    private final OverlapReplay replay = new OverlapReplay(MAJORITY, 3, 7, 0.7);

    @Test
    void dynamicOverlapIsComparedWithTheLeastFixedOverlapAsAccurateOnTheSameAnswers() {
        GoldItemAnswers easy = gold("dog", "dog", "dog", "dog", "dog", "dog", "dog", "dog");
        // 3: cat 2/3 (unsure, and wrong), 4: a tie the schema gives to cat (wrong), 5: dog 3/5, 6: dog 4/6, 7: dog 5/7 (sure)
        GoldItemAnswers hard = gold("dog", "cat", "cat", "dog", "dog", "dog", "dog", "dog");
        GoldItemAnswers tooFewAnswers = gold("fox", "cat", "cat", "cat");

        GoldReplay result = replay.replay(List.of(easy, hard, tooFewAnswers)).orElseThrow();

        assertThat(result.goldItems()).isEqualTo(2);
        assertThat(result.dynamicAccuracy()).isEqualTo(1.0);
        assertThat(result.dynamicMeanAnswers()).as("3 on the easy item, 7 on the hard one").isEqualTo(5.0);
        assertThat(result.fixedOverlaps()).containsExactly(fixed(3, 0.5), fixed(4, 0.5), fixed(5, 1.0), fixed(6, 1.0), fixed(7, 1.0));
        assertThat(result.matchingFixedOverlap()).isEqualTo(5);
    }

    @Test
    void whenNoFixedOverlapIsAsAccurateTheMaximumIsTheComparison() {
        // sure and right after three answers; later answers swing a fixed majority to the wrong label
        GoldItemAnswers swinging = gold("fox", "fox", "fox", "fox", "cat", "cat", "cat", "cat");
        GoldItemAnswers contested = gold("dog", "cat", "dog", "cat", "dog", "fox", "dog", "dog");

        GoldReplay result = replay.replay(List.of(swinging, contested)).orElseThrow();

        assertThat(result.dynamicAccuracy()).isEqualTo(1.0);
        assertThat(result.fixedOverlaps()).allMatch(fixed -> fixed.accuracy() < 1.0);
        assertThat(result.matchingFixedOverlap()).isEqualTo(7);
    }

    @Test
    void withoutAGoldItemAnsweredTheMostTimesThereIsNothingToReplay() {
        assertThat(replay.replay(List.of(gold("cat", "cat", "cat", "cat")))).isEmpty();
        assertThat(replay.replay(List.of())).isEmpty();
    }

    private static GoldReplay.FixedOverlapAccuracy fixed(int overlap, double accuracy) {
        return new GoldReplay.FixedOverlapAccuracy(overlap, accuracy);
    }

    private static GoldItemAnswers gold(String known, String... answers) {
        return new GoldItemAnswers(value(known), Arrays.stream(answers)
                .map(answer -> new Vote(UUID.randomUUID(), value(answer), 0.8)).toList());
    }

    private static JsonNode value(String value) {
        return JsonNodeFactory.instance.objectNode().put("value", value);
    }
}
