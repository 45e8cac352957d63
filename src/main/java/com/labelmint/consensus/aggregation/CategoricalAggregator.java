package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.consensus.engine.ItemScorer;
import com.labelmint.projects.api.AggregationMethod;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One of a fixed set of classes per answer (a single choice, a rating): majority vote, quality-weighted vote, or
 * the Dawid–Skene posterior of the item under the project's last fitted model (each labeler's confusion matrix;
 * a labeler the model does not know is right with their estimated accuracy, errors spread evenly). Ties go to
 * the first class in the schema's order, so the same answers always give the same label.
 */
public final class CategoricalAggregator implements ItemAggregator {

    private final int classes;
    private final Function<JsonNode, Integer> classOf;
    private final IntFunction<JsonNode> labelOf;
    private final AggregationMethod method;
    private final ItemScorer scorer;
    private final LabelerModel labelers;

    /**
     * @param classOf the class an answer chose, as an index below {@code classes}
     * @param labelOf the label, shaped like an answer, that names a class
     * @param labelers the project's fitted model, its classes in the same order
     */
    public CategoricalAggregator(int classes, Function<JsonNode, Integer> classOf, IntFunction<JsonNode> labelOf,
                                 AggregationMethod method, LabelerModel labelers) {
        this.classes = classes;
        this.classOf = classOf;
        this.labelOf = labelOf;
        this.method = method;
        this.labelers = labelers;
        this.scorer = new ItemScorer(labelers.model(), LabelerModel.UNSEEN_ACCURACY);
    }

    @Override
    public Aggregate aggregate(List<Vote> votes) {
        int[] chosen = votes.stream().mapToInt(vote -> classOf.apply(vote.answer())).toArray();
        double[] accuracy = votes.stream().mapToDouble(Vote::accuracy).toArray();
        double[] support = switch (method) {
            case MV -> VoteScores.shares(chosen, null, classes);
            case WMV -> VoteScores.shares(chosen, accuracy, classes);
            case DS -> scorer.score(votes.stream().mapToInt(vote -> labelers.codeOf(vote.labelerId())).toArray(), chosen, accuracy)
                    .probabilities();
        };
        int winner = VoteScores.best(support);
        return new Aggregate(labelOf.apply(winner), support[winner], method.wireName());
    }

    @Override
    public boolean agrees(JsonNode answer, JsonNode label) {
        return classOf.apply(answer).equals(classOf.apply(label));
    }
}
