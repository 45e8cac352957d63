package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.LabelSpec;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The aggregator for a project's kind of label and chosen method. */
public final class ItemAggregators {

    private ItemAggregators() {
    }

    /** @param labelers the project's last fitted model, used for classes that model covers (single choice, rating) */
    public static ItemAggregator forLabel(LabelSpec spec, AggregationMethod method, LabelerModel labelers) {
        if (spec instanceof LabelSpec.SingleChoice choice) {
            List<String> options = choice.options().stream().map(LabelSpec.Option::value).toList();
            return new CategoricalAggregator(options.size(), classOf(spec),
                    index -> JsonNodeFactory.instance.objectNode().put("value", options.get(index)), method,
                    fitting(labelers, options.size()));
        }
        if (spec instanceof LabelSpec.Rating rating) {
            return new CategoricalAggregator(classCount(spec), classOf(spec),
                    index -> JsonNodeFactory.instance.objectNode().put("rating", rating.min() + index), method,
                    fitting(labelers, classCount(spec)));
        }
        if (spec instanceof LabelSpec.MultipleChoice choices) {
            return new MultipleChoiceAggregator(choices, method);
        }
        if (spec instanceof LabelSpec.FreeText) {
            return new FreeTextAggregator();
        }
        if (spec instanceof LabelSpec.BoundingBoxes) {
            return new BoxFusionAggregator();
        }
        throw new IllegalArgumentException("No aggregator for " + spec);
    }

    /** The class an answer chose, as an index in the schema's order, for labels of one class per answer. */
    public static Function<JsonNode, Integer> classOf(LabelSpec spec) {
        if (spec instanceof LabelSpec.SingleChoice choice) {
            List<String> options = choice.options().stream().map(LabelSpec.Option::value).toList();
            return answer -> options.indexOf(answer.get("value").asText());
        }
        if (spec instanceof LabelSpec.Rating rating) {
            return answer -> answer.get("rating").asInt() - rating.min();
        }
        throw new IllegalArgumentException(spec + " is not one class per answer");
    }

    /** The classes of a label are fixed once a project leaves draft; a model of another count is not this label's. */
    private static LabelerModel fitting(LabelerModel labelers, int classes) {
        return labelers.model().classCount() == classes ? labelers : LabelerModel.none(classes);
    }

    /** The number of classes a fitted model of this label has, or 0 when the label is not one class per answer. */
    public static int classCount(LabelSpec spec) {
        return classNames(spec).size();
    }

    /** The classes of a label of one class per answer, in the schema's order (as {@link #classOf} numbers them); else none. */
    public static List<String> classNames(LabelSpec spec) {
        if (spec instanceof LabelSpec.SingleChoice choice) {
            return choice.options().stream().map(LabelSpec.Option::value).toList();
        }
        if (spec instanceof LabelSpec.Rating rating) {
            return IntStream.rangeClosed(rating.min(), rating.max()).mapToObj(Integer::toString).toList();
        }
        return List.of();
    }
}
