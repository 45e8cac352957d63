package com.labelmint.consensus.external;

import com.labelmint.consensus.engine.AnswerMatrix;
import com.labelmint.consensus.engine.DawidSkene;
import com.labelmint.consensus.engine.DawidSkeneOptions;
import com.labelmint.consensus.engine.MajorityVote;
import com.labelmint.consensus.engine.TaskLabels;
import com.labelmint.consensus.engine.WeightedMajorityVote;
import com.labelmint.projects.api.AggregationMethod;

/**
 * The engine run on answers gathered elsewhere. Nothing is known of those workers beforehand, so the weighted
 * vote weighs each by how often they agreed with the plain majority (Laplace-smoothed), a one-step estimate of
 * their quality; Dawid–Skene learns each worker's whole confusion matrix.
 */
final class ExternalAggregation {

    private ExternalAggregation() {
    }

    static TaskLabels run(AnswerMatrix answers, AggregationMethod method) {
        return switch (method) {
            case MV -> MajorityVote.aggregate(answers);
            case WMV -> WeightedMajorityVote.aggregate(answers, agreementWithMajority(answers, MajorityVote.aggregate(answers)));
            case DS -> new DawidSkene(DawidSkeneOptions.defaults()).fit(answers).labels();
        };
    }

    private static double[] agreementWithMajority(AnswerMatrix answers, TaskLabels majority) {
        double[] agreed = new double[answers.workerCount()];
        double[] given = new double[answers.workerCount()];
        for (int a = 0; a < answers.answerCount(); a++) {
            int worker = answers.worker(a);
            given[worker]++;
            if (answers.label(a) == majority.label(answers.task(a))) {
                agreed[worker]++;
            }
        }
        double[] weight = new double[agreed.length];
        for (int w = 0; w < weight.length; w++) {
            weight[w] = (agreed[w] + 1) / (given[w] + 2);
        }
        return weight;
    }
}
