package com.labelmint.consensus.overlap;

import com.labelmint.consensus.aggregation.Aggregate;
import com.labelmint.consensus.aggregation.ItemAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays overlap policies on gold items, whose true label is known: dynamic overlap (start at the project's
 * overlap, add one answer while consensus is below the acceptance threshold, up to the maximum) against every fixed
 * overlap in between, each from the same first answers, in the order they came. Only items with the maximum number
 * of answers take part, so that every policy is judged on the same items.
 */
final class OverlapReplay {

    private final ItemAggregator aggregator;
    private final int overlap;
    private final int maxOverlap;
    private final double acceptanceThreshold;

    OverlapReplay(ItemAggregator aggregator, int overlap, int maxOverlap, double acceptanceThreshold) {
        this.aggregator = aggregator;
        this.overlap = overlap;
        this.maxOverlap = maxOverlap;
        this.acceptanceThreshold = acceptanceThreshold;
    }

    /** Empty when no gold item has the maximum overlap of answers. */
    Optional<GoldReplay> replay(List<GoldItemAnswers> goldItems) {
        List<GoldItemAnswers> replayed = goldItems.stream().filter(item -> item.votes().size() >= maxOverlap).toList();
        if (replayed.isEmpty()) {
            return Optional.empty();
        }
        int dynamicCorrect = 0;
        long dynamicAnswers = 0;
        int[] fixedCorrect = new int[maxOverlap + 1];
        for (GoldItemAnswers item : replayed) {
            int used = overlap;
            Aggregate aggregate = aggregator.aggregate(item.votes().subList(0, used));
            while (aggregate.confidence() < acceptanceThreshold && used < maxOverlap) {
                used++;
                aggregate = aggregator.aggregate(item.votes().subList(0, used));
            }
            dynamicAnswers += used;
            dynamicCorrect += correct(aggregate, item) ? 1 : 0;
            for (int fixed = overlap; fixed <= maxOverlap; fixed++) {
                fixedCorrect[fixed] += correct(aggregator.aggregate(item.votes().subList(0, fixed)), item) ? 1 : 0;
            }
        }
        double dynamicAccuracy = (double) dynamicCorrect / replayed.size();
        List<GoldReplay.FixedOverlapAccuracy> fixed = new ArrayList<>();
        int matching = maxOverlap;
        for (int k = maxOverlap; k >= overlap; k--) {
            double accuracy = (double) fixedCorrect[k] / replayed.size();
            fixed.add(0, new GoldReplay.FixedOverlapAccuracy(k, accuracy));
            if (accuracy >= dynamicAccuracy) {
                matching = k;
            }
        }
        return Optional.of(new GoldReplay(replayed.size(), dynamicAccuracy, (double) dynamicAnswers / replayed.size(), fixed,
                matching));
    }

    private boolean correct(Aggregate aggregate, GoldItemAnswers item) {
        return aggregate.label() != null && aggregator.agrees(aggregate.label(), item.goldAnswer());
    }
}
