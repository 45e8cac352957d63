package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.LabelSpec;
import java.util.List;

/** The aggregator for a project's kind of label and chosen method. */
public final class ItemAggregators {

    private ItemAggregators() {
    }

    public static ItemAggregator forLabel(LabelSpec spec, AggregationMethod method) {
        if (spec instanceof LabelSpec.SingleChoice choice) {
            return singleChoice(choice.options().stream().map(LabelSpec.Option::value).toList(), method);
        }
        if (spec instanceof LabelSpec.Rating rating) {
            return new CategoricalAggregator(rating.max() - rating.min() + 1,
                    answer -> answer.get("rating").asInt() - rating.min(),
                    index -> JsonNodeFactory.instance.objectNode().put("rating", rating.min() + index), method);
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

    private static ItemAggregator singleChoice(List<String> options, AggregationMethod method) {
        return new CategoricalAggregator(options.size(), answer -> options.indexOf(answer.get("value").asText()),
                index -> JsonNodeFactory.instance.objectNode().put("value", options.get(index)), method);
    }
}
