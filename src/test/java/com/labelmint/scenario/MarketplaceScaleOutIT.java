package com.labelmint.scenario;

import com.labelmint.testing.process.TestBroker;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's scale-out with its kill -9: the marketplace day of {@link MarketplaceScenarioIT} on three packaged
 * instances on one database (events through RabbitMQ, the machine's Redis), the driver round-robin over them, while a
 * seeded {@link Chaos} kills one instance at a time ten times during the labeling and starts it again. The day must
 * end exactly as on one instance ({@link MarketDayAssertions}), and every kill must have cut into the labeling.
 * Size as for the one-instance day; the kills: {@code -Dlabelmint.scenario.kills=…}; the chaos's seed:
 * {@code -Dlabelmint.scenario.chaos-seed=…}; the database: {@code -Dlabelmint.scenario.scaleout.database=…}.
 */
class MarketplaceScaleOutIT {

    private static final int INSTANCES = 3;
    private static final int KILLS = 10;

    @Test
    void threeInstancesKilledTenTimesWhileTheCrowdLabelsEndTheDayAsOneWould() throws Exception {
        ScenarioSize size = ScenarioSize.fromSystemProperties(ScenarioSize.forTheBuild());
        int kills = Integer.getInteger("labelmint.scenario.kills", KILLS);
        long seed = Long.getLong("labelmint.scenario.chaos-seed", System.nanoTime());
        System.out.printf("MarketplaceScaleOutIT: chaos seed %d (rerun with -Dlabelmint.scenario.chaos-seed=%d)%n", seed, seed);
        String database = System.getProperty("labelmint.scenario.scaleout.database", "labelmint_it_marketplace_scaleout");
        try (MarketplaceStage stage = MarketplaceStage.scaledOut(database, INSTANCES)) {
            long leastAnswers = (long) (size.items() - size.goldItems()) * size.overlap();
            Chaos chaos = new Chaos(stage.instances(), stage.database(), kills, leastAnswers, seed, new Progress(System.out));
            MarketDay day = stage.marketplace(System.out, Api.Watcher.NOBODY, chaos).run(size, stage.mailBox());

            SoftAssertions soft = new SoftAssertions();
            MarketDayAssertions.assertDay(soft, day, stage);
            assertEveryKillCutIntoTheLabeling(soft, chaos.kills(), kills, stage.database().queryLong("SELECT count(*) FROM tasks.answer"));
            TestBroker broker = stage.broker().orElseThrow();
            soft.assertThat(broker.queueState().ready()).as("messages left in %s", broker).isZero();
            soft.assertAll();
        }
    }

    /**
     * All the kills happened, each after answers were submitted since the one before, and answers were submitted after
     * the last: every kill landed while the crowd was labeling.
     */
    private static void assertEveryKillCutIntoTheLabeling(SoftAssertions soft, List<Chaos.Kill> made, int kills, long answers) {
        soft.assertThat(made).as("kills made during the labeling").hasSize(kills);
        for (Chaos.Kill kill : made) {
            soft.assertThat(kill.answersAtKill()).as("answers submitted before kill %d (of %s) since the kill before", kill.number(), kill.instance())
                    .isGreaterThan(kill.answersAtPreviousKill());
        }
        if (!made.isEmpty()) {
            soft.assertThat(answers).as("answers submitted after the last kill").isGreaterThan(made.get(made.size() - 1).answersAtKill());
        }
    }
}
