package com.labelmint.consensus.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.LabelSpec;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemAggregatorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LabelSpec.SingleChoice ANIMALS = new LabelSpec.SingleChoice(List.of(
            new LabelSpec.Option("cat", null), new LabelSpec.Option("dog", null), new LabelSpec.Option("fox", null)));

    @Test
    void majorityVoteCountsHeadsAndBreaksTiesByTheSchemasOrder() {
        ItemAggregator vote = aggregator(ANIMALS, AggregationMethod.MV);

        assertThat(vote.aggregate(votes(0.7, "{\"value\":\"dog\"}", "{\"value\":\"cat\"}", "{\"value\":\"dog\"}")))
                .isEqualTo(new Aggregate(json("{\"value\":\"dog\"}"), 2.0 / 3, "mv"));
        assertThat(vote.aggregate(votes(0.7, "{\"value\":\"fox\"}", "{\"value\":\"dog\"}")).label())
                .isEqualTo(json("{\"value\":\"dog\"}"));
    }

    @Test
    void aWeightedVoteLetsOneReliableLabelerOutweighTwoPoorOnes() {
        List<Vote> votes = List.of(new Vote(UUID.randomUUID(), json("{\"value\":\"fox\"}"), 0.95), new Vote(UUID.randomUUID(), json("{\"value\":\"cat\"}"), 0.4),
                new Vote(UUID.randomUUID(), json("{\"value\":\"cat\"}"), 0.4));

        assertThat(aggregator(ANIMALS, AggregationMethod.WMV).aggregate(votes).label()).isEqualTo(json("{\"value\":\"fox\"}"));
        assertThat(aggregator(ANIMALS, AggregationMethod.MV).aggregate(votes).label()).isEqualTo(json("{\"value\":\"cat\"}"));
    }

    /** Two labelers right 7 times in 10 over three classes: 0.49 / (0.49 + 2 × 0.15²) for the class both chose. */
    @Test
    void theDawidSkenePosteriorOfTwoAgreeingLabelersIsTheirJointLikelihood() {
        Aggregate aggregate = aggregator(ANIMALS, AggregationMethod.DS)
                .aggregate(votes(0.7, "{\"value\":\"cat\"}", "{\"value\":\"cat\"}"));

        assertThat(aggregate.label()).isEqualTo(json("{\"value\":\"cat\"}"));
        assertThat(aggregate.confidence()).isCloseTo(0.49 / (0.49 + 2 * 0.15 * 0.15), within(1e-9));
    }

    @Test
    void ratingsAreClassesOfTheirScale() {
        ItemAggregator rating = aggregator(new LabelSpec.Rating(1, 5), AggregationMethod.MV);

        assertThat(rating.aggregate(votes(0.7, "{\"rating\":4}", "{\"rating\":4}", "{\"rating\":2}")).label()).isEqualTo(json("{\"rating\":4}"));
        assertThat(rating.agrees(json("{\"rating\":2}"), json("{\"rating\":4}"))).isFalse();
    }

    @Test
    void multipleChoiceDecidesEachOptionAndIsOnlyAsSureAsItsLeastCertainOne() {
        LabelSpec.MultipleChoice tags = new LabelSpec.MultipleChoice(ANIMALS.options(), 0, 3);
        ItemAggregator aggregator = aggregator(tags, AggregationMethod.MV);

        Aggregate aggregate = aggregator.aggregate(votes(0.7, "{\"values\":[\"cat\",\"dog\"]}", "{\"values\":[\"cat\"]}",
                "{\"values\":[\"dog\",\"cat\"]}", "{\"values\":[\"cat\",\"fox\"]}"));

        assertThat(aggregate.label()).as("dog is chosen by half: a tie leaves an option out").isEqualTo(json("{\"values\":[\"cat\"]}"));
        assertThat(aggregate.confidence()).isEqualTo(0.5);
        assertThat(aggregator.agrees(json("{\"values\":[\"cat\"]}"), aggregate.label())).isTrue();
        assertThat(aggregator.agrees(json("{\"values\":[\"fox\"]}"), aggregate.label())).isFalse();
    }

    @Test
    void aMultipleChoiceLabelOutsideTheSelectionBoundsIsNotSureAtAll() {
        LabelSpec.MultipleChoice atLeastOne = new LabelSpec.MultipleChoice(ANIMALS.options(), 1, 3);

        Aggregate aggregate = aggregator(atLeastOne, AggregationMethod.MV)
                .aggregate(votes(0.7, "{\"values\":[\"cat\"]}", "{\"values\":[\"dog\"]}", "{\"values\":[\"fox\"]}"));

        assertThat(aggregate.label()).isEqualTo(json("{\"values\":[]}"));
        assertThat(aggregate.confidence()).isZero();
    }

    @Test
    void freeTextMatchesAfterNormalisationAndKeepsTheFirstSpelling() {
        ItemAggregator text = aggregator(new LabelSpec.FreeText(1, 100), AggregationMethod.DS);

        Aggregate aggregate = text.aggregate(votes(0.7, "{\"text\":\"New  York \"}", "{\"text\":\"Boston\"}",
                "{\"text\":\"new york\"}", "{\"text\":\"ＮＥＷ YORK\"}"));

        assertThat(aggregate).isEqualTo(new Aggregate(json("{\"text\":\"New  York \"}"), 0.75, "text-match"));
        assertThat(text.agrees(json("{\"text\":\"boston\"}"), aggregate.label())).isFalse();
    }

    @Test
    void boxesDrawnByMostLabelersAreFusedAndStrayBoxesDropped() {
        ItemAggregator boxes = aggregator(new LabelSpec.BoundingBoxes(List.of("car", "person"), 10), AggregationMethod.DS);
        String car = "{\"class\":\"car\",\"x\":0.10,\"y\":0.10,\"w\":0.20,\"h\":0.20}";
        String carShifted = "{\"class\":\"car\",\"x\":0.12,\"y\":0.10,\"w\":0.20,\"h\":0.20}";
        String stray = "{\"class\":\"person\",\"x\":0.6,\"y\":0.6,\"w\":0.1,\"h\":0.3}";

        Aggregate aggregate = boxes.aggregate(List.of(new Vote(UUID.randomUUID(), json("{\"boxes\":[" + car + "]}"), 0.5),
                new Vote(UUID.randomUUID(), json("{\"boxes\":[" + carShifted + "," + stray + "]}"), 0.5), new Vote(UUID.randomUUID(), json("{\"boxes\":[]}"), 0.5)));

        JsonNode fused = aggregate.label().get("boxes");
        assertThat(fused).hasSize(1);
        assertThat(fused.get(0).get("class").asText()).isEqualTo("car");
        assertThat(fused.get(0).get("x").asDouble()).isCloseTo(0.11, within(1e-9));
        assertThat(aggregate.confidence()).isCloseTo((2.0 / 3 + 2.0 / 3) / 2, within(1e-9));
        assertThat(boxes.agrees(json("{\"boxes\":[" + carShifted + "]}"), aggregate.label())).isTrue();
        assertThat(boxes.agrees(json("{\"boxes\":[]}"), aggregate.label())).isFalse();
    }

    @Test
    void noBoxesFromAnyoneIsACertainEmptyLabel() {
        ItemAggregator boxes = aggregator(new LabelSpec.BoundingBoxes(List.of("car"), 10), AggregationMethod.DS);

        assertThat(boxes.aggregate(votes(0.7, "{\"boxes\":[]}", "{\"boxes\":[]}")))
                .isEqualTo(new Aggregate(json("{\"boxes\":[]}"), 1, "box-fusion"));
    }

    private static ItemAggregator aggregator(LabelSpec spec, AggregationMethod method) {
        return ItemAggregators.forLabel(spec, method, LabelerModel.none(Math.max(1, ItemAggregators.classCount(spec))));
    }

    private static List<Vote> votes(double accuracy, String... answers) {
        return Arrays.stream(answers).map(answer -> new Vote(UUID.randomUUID(), json(answer), accuracy)).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
