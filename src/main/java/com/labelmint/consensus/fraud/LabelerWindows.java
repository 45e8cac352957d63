package com.labelmint.consensus.fraud;

import java.util.Arrays;
import java.util.List;

/**
 * A labeler's recent work in a project, oldest first, as {@link LabelerWatches} keeps it.
 *
 * @param values fingerprints of the last answers: equal answers, equal fingerprints
 * @param durationsMs how long the last answers took
 * @param goldStreak wrong gold answers in a row, up to now
 * @param excluded the labeler was excluded from the project before this answer
 */
record LabelerWindows(List<String> values, long[] durationsMs, int goldStreak, boolean excluded) {

    boolean allSameValue() {
        return values.stream().distinct().count() == 1;
    }

    /** The lower median, as the crowd's is measured. */
    long medianDurationMs() {
        long[] sorted = durationsMs.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
