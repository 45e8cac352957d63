package com.labelmint.scenario;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's marketplace day at the build's size, against the packaged application as a real process with the chain,
 * Telegram and SMTP stand-ins ({@link MarketplaceStage}), driven only through public HTTP ({@link Marketplace}).
 * Size and seed: {@code -Dlabelmint.scenario.items=…} etc. ({@link ScenarioSize}); the database:
 * {@code -Dlabelmint.scenario.database=…}. What the day must end with: {@link MarketDayAssertions}.
 */
class MarketplaceScenarioIT {

    @Test
    void aDayInTheMarketplaceEndsWithEveryItemLabelledEveryRewardPaidOnceAndEveryBookBalanced() throws Exception {
        ScenarioSize size = ScenarioSize.fromSystemProperties(ScenarioSize.forTheBuild());
        try (MarketplaceStage stage = MarketplaceStage.oneInstance(System.getProperty("labelmint.scenario.database", "labelmint_it_marketplace"))) {
            MarketDay day = stage.marketplace(System.out).run(size, stage.mailBox());
            SoftAssertions soft = new SoftAssertions();
            MarketDayAssertions.assertDay(soft, day, stage);
            soft.assertAll();
        }
    }
}
