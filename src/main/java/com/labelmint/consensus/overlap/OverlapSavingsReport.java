package com.labelmint.consensus.overlap;

import java.util.Map;
import java.util.UUID;

/**
 * How many answers dynamic overlap saved a project: the answers its decided items used, against the answers a fixed
 * overlap as accurate on the gold items would have used on the same items.
 *
 * @param itemsByAnswers decided items by the number of answers that counted on them
 * @param comparedFixedOverlap the fixed overlap compared with: the gold replay's matching one, or the maximum
 *        overlap when no gold item has enough answers to replay
 * @param answersSaved may be negative: dynamic overlap then cost more than a fixed overlap as accurate
 * @param goldReplay absent when no gold item has the maximum overlap of answers
 */
public record OverlapSavingsReport(UUID projectId, int overlap, int maxOverlap, double acceptanceThreshold,
                                   long decidedItems, long answersUsed, Map<Integer, Long> itemsByAnswers,
                                   int comparedFixedOverlap, long fixedOverlapAnswers, long answersSaved, double savedShare,
                                   GoldReplay goldReplay) {
}
