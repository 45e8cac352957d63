package com.labelmint.scenario;

/**
 * {@code make demo}: the marketplace's day at full size (issue 9: 10 000 items, 50 labelers), printed as it goes,
 * against the packaged application started with the stand-ins on local defaults. Size and seed as for the IT
 * ({@code -Dlabelmint.scenario.items=…}); its database: {@code -Dlabelmint.scenario.database=…} (default
 * {@code labelmint_demo}, dropped and created afresh, kept afterwards for a look). With
 * {@code -Dlabelmint.scenario.instances=3} the day runs on that many instances, events through RabbitMQ (no kills).
 */
public final class MarketplaceDemo {

    private MarketplaceDemo() {
    }

    public static void main(String[] args) {
        ScenarioSize size = ScenarioSize.fromSystemProperties(ScenarioSize.full());
        boolean asExpected;
        String database = System.getProperty("labelmint.scenario.database", "labelmint_demo");
        int instances = Integer.getInteger("labelmint.scenario.instances", 1);
        try (MarketplaceStage stage = instances == 1 ? MarketplaceStage.oneInstance(database) : MarketplaceStage.scaledOut(database, instances)) {
            MarketDay day = stage.marketplace(System.out).run(size, stage.mailBox());
            asExpected = day.noticesAsExpected() && day.unlabelled() == 0;
        }
        System.exit(asExpected ? 0 : 1);
    }
}
