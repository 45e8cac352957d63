package com.labelmint.consensus.overlap;

import java.util.List;

/**
 * Dynamic overlap and fixed overlaps replayed on the project's gold items, from the same first answers of each.
 *
 * @param goldItems gold items with at least the maximum overlap of answers that count: the replay's items
 * @param dynamicAccuracy share of them dynamic overlap labels as their known answer
 * @param dynamicMeanAnswers answers dynamic overlap used per item on them
 * @param fixedOverlaps every fixed overlap from the project's overlap to its maximum, with its accuracy
 * @param matchingFixedOverlap the least fixed overlap at least as accurate as dynamic overlap (the maximum if none is)
 */
public record GoldReplay(int goldItems, double dynamicAccuracy, double dynamicMeanAnswers,
                         List<FixedOverlapAccuracy> fixedOverlaps, int matchingFixedOverlap) {

    public record FixedOverlapAccuracy(int overlap, double accuracy) {
    }
}
