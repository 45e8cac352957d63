package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.consensus.engine.DawidSkeneModel;
import com.labelmint.consensus.engine.ItemScorer;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.LabelSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several options per answer: each option is its own yes/no question, aggregated by the project's method; the
 * label holds the options that won their question. Confidence is that of the least certain option, and a label
 * that breaks the schema's selection bounds has none (it needs more answers or a reviewer). An answer agrees
 * when its options overlap the label's by at least half (Jaccard similarity ≥ 0.5).
 */
public final class MultipleChoiceAggregator implements ItemAggregator {

    private static final double AGREEING_OVERLAP = 0.5;
    /** Each option is a yes/no question no project-wide model covers: labelers count by their estimated accuracy. */
    private static final ItemScorer OPTION_SCORER = new ItemScorer(DawidSkeneModel.knowingNoWorker(2), LabelerModel.UNSEEN_ACCURACY);

    private final LabelSpec.MultipleChoice spec;
    private final AggregationMethod method;

    public MultipleChoiceAggregator(LabelSpec.MultipleChoice spec, AggregationMethod method) {
        this.spec = spec;
        this.method = method;
    }

    @Override
    public Aggregate aggregate(List<Vote> votes) {
        double[] accuracy = votes.stream().mapToDouble(Vote::accuracy).toArray();
        int[] unknownLabelers = new int[votes.size()];
        Arrays.fill(unknownLabelers, -1);
        List<Set<String>> chosen = votes.stream().map(vote -> chosenOptions(vote.answer())).toList();
        ObjectNode label = JsonNodeFactory.instance.objectNode();
        Set<String> labelled = new HashSet<>();
        double confidence = 1;
        for (LabelSpec.Option option : spec.options()) {
            int[] yes = chosen.stream().mapToInt(options -> options.contains(option.value()) ? 1 : 0).toArray();
            double[] support = switch (method) {
                case MV -> VoteScores.shares(yes, null, 2);
                case WMV -> VoteScores.shares(yes, accuracy, 2);
                case DS -> OPTION_SCORER.score(unknownLabelers, yes, accuracy).probabilities();
            };
            if (support[1] > support[0]) {
                labelled.add(option.value());
            }
            confidence = Math.min(confidence, Math.max(support[0], support[1]));
        }
        var values = label.putArray("values");
        spec.options().stream().map(LabelSpec.Option::value).filter(labelled::contains).forEach(values::add);
        if (spec.answerViolation(label).isPresent()) {
            confidence = 0;
        }
        return new Aggregate(label, confidence, method.wireName());
    }

    @Override
    public boolean agrees(JsonNode answer, JsonNode label) {
        return jaccard(chosenOptions(answer), chosenOptions(label)) >= AGREEING_OVERLAP;
    }

    private static Set<String> chosenOptions(JsonNode answer) {
        Set<String> options = new HashSet<>();
        answer.get("values").forEach(value -> options.add(value.asText()));
        return options;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }
}
