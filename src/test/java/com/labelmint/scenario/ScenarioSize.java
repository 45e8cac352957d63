package com.labelmint.scenario;

/**
 * How big the marketplace's day is. Of the {@code labelers}, {@code spammers} answer at random and too fast (through
 * REST, the channel a script would use), {@code telegramLabelers} of the honest ones work in the Telegram chat and
 * the rest through REST. {@code goldItems} of the {@code items} carry a known answer; {@code seed} fixes the items,
 * their truths and every labeler's choices (not which labeler gets which item: that is the queue's).
 */
record ScenarioSize(int items, int goldItems, int labelers, int spammers, int telegramLabelers, int overlap, int maxOverlap,
                    long seed) {

    ScenarioSize {
        if (items < 1 || goldItems < 1 || goldItems > items) {
            throw new IllegalArgumentException("Between 1 and " + items + " gold items, and at least one item");
        }
        if (spammers < 0 || telegramLabelers < 0 || spammers + telegramLabelers + 2 > labelers) {
            throw new IllegalArgumentException("At least two honest REST labelers besides the spammers and the Telegram labelers");
        }
        if (overlap < 1 || maxOverlap < overlap) {
            throw new IllegalArgumentException("1 ≤ overlap ≤ maxOverlap");
        }
    }

    /** The size a person watches: issue 9's marketplace of 10 000 items and 50 labelers. */
    static ScenarioSize full() {
        return new ScenarioSize(10_000, 100, 50, 5, 10, 3, 5, 9);
    }

    /** The size the build runs: a few minutes on a 2-core machine that other builds load too. */
    static ScenarioSize forTheBuild() {
        return new ScenarioSize(300, 30, 12, 3, 3, 3, 5, 9);
    }

    /**
     * The build's crowd over four times its items: a day whose labeling outlasts two 30-second outages one after the
     * other on an idle machine (the build's day labels its 300 items in about 30 s there).
     */
    static ScenarioSize forTheBuildWithOutages() {
        ScenarioSize build = forTheBuild();
        return new ScenarioSize(4 * build.items(), 4 * build.goldItems(), build.labelers(), build.spammers(), build.telegramLabelers(),
                build.overlap(), build.maxOverlap(), build.seed());
    }

    /** {@code base}, with any of {@code labelmint.scenario.<component>} given as a system property instead. */
    static ScenarioSize fromSystemProperties(ScenarioSize base) {
        return new ScenarioSize(
                Integer.getInteger("labelmint.scenario.items", base.items()),
                Integer.getInteger("labelmint.scenario.gold-items", base.goldItems()),
                Integer.getInteger("labelmint.scenario.labelers", base.labelers()),
                Integer.getInteger("labelmint.scenario.spammers", base.spammers()),
                Integer.getInteger("labelmint.scenario.telegram-labelers", base.telegramLabelers()),
                Integer.getInteger("labelmint.scenario.overlap", base.overlap()),
                Integer.getInteger("labelmint.scenario.max-overlap", base.maxOverlap()),
                Long.getLong("labelmint.scenario.seed", base.seed()));
    }

    int restLabelers() {
        return labelers - telegramLabelers;
    }
}
