package com.labelmint.consensus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DawidSkeneTest {

    private static final List<String> CLASSES = List.of("A", "B");
    private static final DawidSkene DEFAULTS = new DawidSkene(DawidSkeneOptions.defaults());

    /**
     * Eight tasks settle who is who: the reliable worker and two helpers give the truth, two swappers always give
     * the other class. On the last two tasks only the reliable worker and the swappers answer: the vote follows
     * the swappers, Dawid–Skene reads their answers backwards and sides with the reliable worker.
     */
    @Test
    void oneReliableWorkerOutvotesTwoWhoAreConsistentlyWrong() {
        var builder = builder();
        for (int t = 0; t < 8; t++) {
            String truth = t % 2 == 0 ? "A" : "B";
            String other = t % 2 == 0 ? "B" : "A";
            builder.add("t" + t, "reliable", truth).add("t" + t, "helper1", truth).add("t" + t, "helper2", truth)
                    .add("t" + t, "swapper1", other).add("t" + t, "swapper2", other);
        }
        builder.add("x1", "reliable", "A").add("x1", "swapper1", "B").add("x1", "swapper2", "B");
        builder.add("x2", "reliable", "B").add("x2", "swapper1", "A").add("x2", "swapper2", "A");
        var encoded = builder.build();

        TaskLabels votes = MajorityVote.aggregate(encoded.matrix());
        DawidSkeneResult result = DEFAULTS.fit(encoded.matrix());

        assertThat(label(encoded, votes, "x1")).isEqualTo("B");
        assertThat(label(encoded, votes, "x2")).isEqualTo("A");
        assertThat(label(encoded, result.labels(), "x1")).isEqualTo("A");
        assertThat(label(encoded, result.labels(), "x2")).isEqualTo("B");
        assertThat(result.labels().confidence(encoded.tasks().codeOf("x1"))).isGreaterThan(0.9);
        int swapper = encoded.workers().codeOf("swapper1");
        assertThat(result.model().confusion(swapper, 0, 1)).isGreaterThan(0.8);
        assertThat(result.model().confusion(swapper, 1, 0)).isGreaterThan(0.8);
        assertThat(result.model().accuracy(swapper)).isLessThan(0.2);
        assertThat(result.model().accuracy(encoded.workers().codeOf("reliable"))).isGreaterThan(0.8);
        assertThat(result.converged()).isTrue();
    }

    /**
     * Two workers against one on every task: without gold the pair is believed. Gold on four tasks shows the pair
     * is wrong; their own labels are clamped to the gold, and the task without gold changes side too.
     */
    @Test
    void goldClampsItsTasksAndTeachesTheModelWhomToBelieve() {
        var withoutGold = goldExample(false);
        var withGold = goldExample(true);

        DawidSkeneResult unsupervised = DEFAULTS.fit(withoutGold.matrix());
        DawidSkeneResult supervised = DEFAULTS.fit(withGold.matrix());

        assertThat(label(withoutGold, unsupervised.labels(), "g0")).isEqualTo("B");
        assertThat(label(withoutGold, unsupervised.labels(), "open")).isEqualTo("B");
        assertThat(label(withGold, supervised.labels(), "g0")).isEqualTo("A");
        assertThat(supervised.labels().confidence(withGold.tasks().codeOf("g0"))).isEqualTo(1.0);
        assertThat(label(withGold, supervised.labels(), "open")).isEqualTo("A");
    }

    @Test
    void smoothingKeepsTheMatrixOfAWorkerWithOneAnswerAwayFromZeroAndOne() {
        var builder = builder();
        for (int t = 0; t < 6; t++) {
            String truth = t % 2 == 0 ? "A" : "B";
            builder.add("t" + t, "w1", truth).add("t" + t, "w2", truth).add("t" + t, "w3", truth);
        }
        builder.add("t0", "newcomer", "A");
        var encoded = builder.build();
        int newcomer = encoded.workers().codeOf("newcomer");

        DawidSkeneModel smoothed = DEFAULTS.fit(encoded.matrix()).model();
        DawidSkeneModel unsmoothed = new DawidSkene(DawidSkeneOptions.defaults().withSmoothing(0))
                .fit(encoded.matrix()).model();

        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                assertThat(smoothed.confusion(newcomer, k, l)).isBetween(0.3, 0.7);
            }
        }
        assertThat(smoothed.confusion(newcomer, 0, 0)).isCloseTo(2.0 / 3, within(0.01)); // (1 + 1) / (1 + 2), t0 being almost surely A
        assertThat(unsmoothed.confusion(newcomer, 0, 0)).isCloseTo(1.0, within(1e-6)); // what smoothing prevents
    }

    /** The reported figure is Σ_tasks log Σ_k prior_k Π π — the prior once per task — under the returned model. */
    @Test
    void theLogLikelihoodIsThatOfTheObservedDataUnderTheReturnedModel() {
        SyntheticCrowd crowd = SyntheticCrowd.generate(7, 60, 8, 3, 4, 0.5, 0.9);
        AnswerMatrix answers = crowd.answers;

        DawidSkeneResult result = DEFAULTS.fit(answers);

        DawidSkeneModel model = result.model();
        double expected = 0;
        for (int t = 0; t < answers.taskCount(); t++) {
            double likelihood = 0;
            for (int k = 0; k < 3; k++) {
                double joint = model.classPrior(k);
                for (int i = 0; i < answers.answerCount(); i++) {
                    if (answers.task(i) == t) {
                        joint *= model.confusion(answers.worker(i), k, answers.label(i));
                    }
                }
                likelihood += joint;
            }
            expected += Math.log(likelihood);
        }
        assertThat(result.logLikelihood()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void tenAnswersOverFiveClassesDoNotUnderflow() {
        int answers = 10;
        int[] task = new int[answers];
        int[] worker = new int[answers];
        int[] label = new int[answers];
        for (int i = 0; i < answers; i++) {
            worker[i] = i;
            label[i] = i % 5;
        }
        DawidSkeneResult result = DEFAULTS.fit(AnswerMatrix.withoutGold(task, worker, label, 1, answers, 5));

        assertThat(result.logLikelihood()).isFinite();
        double total = 0;
        for (int k = 0; k < 5; k++) {
            total += result.posterior(0, k);
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theScorerReproducesTheBatchPosteriorsAndGivesUnseenWorkersTheDefaultMatrix() {
        SyntheticCrowd crowd = SyntheticCrowd.generate(11, 200, 10, 3, 4, 0.5, 0.9);
        AnswerMatrix answers = crowd.answers;
        DawidSkeneResult result = DEFAULTS.fit(answers);
        ItemScorer scorer = new ItemScorer(result.model(), 0.7);

        for (int t = 0; t < answers.taskCount(); t++) {
            ItemPosterior posterior = scorer.score(workersOf(answers, t), labelsOf(answers, t));
            assertThat(posterior.label()).isEqualTo(result.labels().label(t));
            for (int k = 0; k < 3; k++) {
                assertThat(posterior.probability(k)).isCloseTo(result.posterior(t, k), within(1e-12));
            }
        }

        // a stranger's lone answer: prior × (0.7 right, 0.15 for each wrong class), normalised
        ItemPosterior stranger = scorer.score(new int[] {99}, new int[] {2});
        double[] joint = new double[3];
        double total = 0;
        for (int k = 0; k < 3; k++) {
            joint[k] = result.model().classPrior(k) * (k == 2 ? 0.7 : 0.15);
            total += joint[k];
        }
        for (int k = 0; k < 3; k++) {
            assertThat(stranger.probability(k)).isCloseTo(joint[k] / total, within(1e-12));
        }
        assertThat(scorer.score(new int[0], new int[0]).label()).isEqualTo(TaskLabels.NO_LABEL);
    }

    @Test
    void theSameInputGivesTheSameResultBitForBitAlsoWhenRangesRunInParallel() {
        // 60 000 answers: above the size from which two ranges run on two threads
        AnswerMatrix answers = SyntheticCrowd.generate(3, 12_000, 40, 4, 5, 0.4, 0.95).answers;
        DawidSkene engine = new DawidSkene(DawidSkeneOptions.defaults().withMaxIterations(30).withPartitions(2));

        DawidSkeneResult first = engine.fit(answers);
        DawidSkeneResult second = engine.fit(answers);

        assertThat(second.logLikelihoods()).containsExactly(first.logLikelihoods());
        for (int t = 0; t < answers.taskCount(); t++) {
            assertThat(second.labels().label(t)).isEqualTo(first.labels().label(t));
            assertThat(second.posterior(t, 0)).isEqualTo(first.posterior(t, 0));
        }
        DawidSkeneResult sequential = new DawidSkene(DawidSkeneOptions.defaults().withMaxIterations(30)
                .withPartitions(1)).fit(answers);
        assertThat(sequential.logLikelihood()).isCloseTo(first.logLikelihood(), within(1e-9 * -first.logLikelihood()));
    }

    @Test
    void aTaskWithNothingObservedHasNoLabelAndNoWeightInThePriors() {
        // task 1 has no answers; priors come from task 0 alone
        AnswerMatrix answers = AnswerMatrix.withoutGold(new int[] {0, 0}, new int[] {0, 1}, new int[] {1, 1}, 2, 2, 2);

        DawidSkeneResult result = DEFAULTS.fit(answers);

        assertThat(result.labels().label(1)).isEqualTo(TaskLabels.NO_LABEL);
        assertThat(result.labels().label(0)).isEqualTo(1);
        assertThat(result.model().classPrior(1)).isGreaterThan(0.99);
    }

    private static AnswerMatrixBuilder.Encoded<String, String, String> goldExample(boolean gold) {
        var builder = builder();
        for (int t = 0; t < 4; t++) {
            String truth = t % 2 == 0 ? "A" : "B";
            String other = t % 2 == 0 ? "B" : "A";
            builder.add("g" + t, "loner", truth).add("g" + t, "pair1", other).add("g" + t, "pair2", other);
            if (gold) {
                builder.gold("g" + t, truth);
            }
        }
        builder.add("open", "loner", "A").add("open", "pair1", "B").add("open", "pair2", "B");
        return builder.build();
    }

    private static AnswerMatrixBuilder<String, String, String> builder() {
        return new AnswerMatrixBuilder<String, String, String>().declareClasses(CLASSES);
    }

    private static String label(AnswerMatrixBuilder.Encoded<String, String, String> encoded, TaskLabels labels,
            String task) {
        return encoded.classes().keyOf(labels.label(encoded.tasks().codeOf(task)));
    }

    private static int[] workersOf(AnswerMatrix answers, int task) {
        List<Integer> workers = new ArrayList<>();
        for (int i = 0; i < answers.answerCount(); i++) {
            if (answers.task(i) == task) {
                workers.add(answers.worker(i));
            }
        }
        return workers.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] labelsOf(AnswerMatrix answers, int task) {
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < answers.answerCount(); i++) {
            if (answers.task(i) == task) {
                labels.add(answers.label(i));
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }
}
