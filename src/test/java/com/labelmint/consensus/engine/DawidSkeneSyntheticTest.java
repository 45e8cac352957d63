package com.labelmint.consensus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Dawid–Skene against crowds simulated from known confusion matrices (see {@link SyntheticCrowd}): 2 000 tasks,
 * 50 workers, 4 classes, 5 answers per task, accuracies in [0.4, 0.95], one worker in ten biased and one in ten
 * adversarial; five seeds.
 */
class DawidSkeneSyntheticTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** Rounding between iterations may lower a converged objective by a few ulps of its size. */
    private static final double MONOTONE_SLACK = 1e-9;

    @Test
    void beatsMajorityVoteOnEverySeedAndIsAccurateAgainstTheGeneratingTruth() {
        double dawidSkeneTotal = 0;
        double votesTotal = 0;
        for (long seed : SEEDS) {
            SyntheticCrowd crowd = crowd(seed);
            double dawidSkene = crowd.accuracyOf(new DawidSkene(DawidSkeneOptions.defaults()).fit(crowd.answers).labels());
            double votes = crowd.accuracyOf(MajorityVote.aggregate(crowd.answers));

            assertThat(dawidSkene).as("Dawid–Skene accuracy, seed %d", seed).isGreaterThanOrEqualTo(0.90);
            assertThat(dawidSkene).as("Dawid–Skene against the vote, seed %d", seed).isGreaterThan(votes);
            dawidSkeneTotal += dawidSkene;
            votesTotal += votes;
        }
        assertThat(dawidSkeneTotal / SEEDS.length).isGreaterThan(votesTotal / SEEDS.length + 0.05);
    }

    /**
     * For every worker and true class with at least 40 answers, the estimated diagonal is within four standard
     * errors of a proportion over those answers, plus the pull of the smoothing towards uniform; and on average
     * over all of them, within 0.05.
     */
    @Test
    void recoversTheDiagonalOfTheConfusionMatricesOfWorkersWithManyAnswers() {
        double errorTotal = 0;
        int judged = 0;
        for (long seed : SEEDS) {
            SyntheticCrowd crowd = crowd(seed);
            DawidSkeneModel model = new DawidSkene(DawidSkeneOptions.defaults()).fit(crowd.answers).model();
            int[][] answersPerRow = answersPerWorkerAndTrueClass(crowd);
            for (int w = 0; w < model.workerCount(); w++) {
                for (int k = 0; k < model.classCount(); k++) {
                    int n = answersPerRow[w][k];
                    if (n < 40) {
                        continue; // rare classes give a worker too few answers to judge
                    }
                    double truth = crowd.confusion[w][k][k];
                    double smoothingPull = 4.0 / (n + 4); // 4 classes × 1 pseudo-count
                    double tolerance = 4 * Math.sqrt(truth * (1 - truth) / n) + smoothingPull;
                    double error = Math.abs(model.confusion(w, k, k) - truth);
                    assertThat(error).as("seed %d, worker %d, class %d, %d answers", seed, w, k, n)
                            .isLessThanOrEqualTo(tolerance);
                    errorTotal += error;
                    judged++;
                }
            }
        }
        assertThat(judged).isGreaterThan(500);
        assertThat(errorTotal / judged).isLessThan(0.05);
    }

    /**
     * EM's guarantee: each iteration raises the objective it maximises, the log-likelihood without smoothing and
     * the log-likelihood plus the smoothing's log prior with it. With smoothing the log-likelihood alone is not
     * guaranteed to rise, but on these crowds it does (to rounding), and a fall would show a broken E- or M-step.
     */
    @Test
    void eachIterationRaisesTheLogLikelihood() {
        for (long seed : SEEDS) {
            SyntheticCrowd crowd = crowd(seed);
            DawidSkeneOptions exhaustive = DawidSkeneOptions.defaults().withTolerance(0).withMaxIterations(60);

            DawidSkeneResult smoothed = new DawidSkene(exhaustive).fit(crowd.answers);
            assertNonDecreasing(smoothed.objectives());
            assertNonDecreasing(smoothed.logLikelihoods());
            assertNonDecreasing(new DawidSkene(exhaustive.withSmoothing(0)).fit(crowd.answers).logLikelihoods());
        }
    }

    private static void assertNonDecreasing(double[] values) {
        assertThat(Arrays.stream(values).boxed()).allMatch(Double::isFinite);
        for (int i = 1; i < values.length; i++) {
            assertThat(values[i]).as("iteration %d", i + 1)
                    .isGreaterThanOrEqualTo(values[i - 1] - MONOTONE_SLACK * Math.abs(values[i - 1]));
        }
    }

    private static SyntheticCrowd crowd(long seed) {
        return SyntheticCrowd.generate(seed, 2_000, 50, 4, 5, 0.4, 0.95);
    }

    private static int[][] answersPerWorkerAndTrueClass(SyntheticCrowd crowd) {
        AnswerMatrix answers = crowd.answers;
        int[][] counts = new int[answers.workerCount()][answers.classCount()];
        for (int i = 0; i < answers.answerCount(); i++) {
            counts[answers.worker(i)][crowd.truth[answers.task(i)]]++;
        }
        return counts;
    }
}
