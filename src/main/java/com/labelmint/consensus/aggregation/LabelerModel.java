package com.labelmint.consensus.aggregation;

import com.labelmint.consensus.engine.DawidSkeneModel;
import java.util.Map;
import java.util.UUID;

/**
 * What the last Dawid–Skene pass over a project learnt: each labeler's confusion matrix (by the code the model
 * gave them) and the class priors. Labelers who joined since are scored by their estimated accuracy instead.
 */
public record LabelerModel(DawidSkeneModel model, Map<UUID, Integer> labelerCodes) {

    /** The scorer's default for a labeler it is given no accuracy for; every vote carries one, so it goes unused. */
    static final double UNSEEN_ACCURACY = 0.7;

    /** Before any pass: no labeler known, classes equally likely. */
    public static LabelerModel none(int classes) {
        return new LabelerModel(DawidSkeneModel.knowingNoWorker(classes), Map.of());
    }

    public int codeOf(UUID labelerId) {
        return labelerCodes.getOrDefault(labelerId, -1);
    }
}
