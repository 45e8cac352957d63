package com.labelmint.scenario;

import java.util.List;
import java.util.Random;

/**
 * How a labeler answers: an honest one reads the task for a moment and gives the true topic, save for an occasional
 * slip; a spammer clicks a random topic at once. Each labeler has a strategy of their own (their own random stream).
 */
final class Strategy {

    private static final List<String> TOPICS = List.copyOf(Dataset.TOPICS.keySet());

    private final Random random;
    private final double accuracy;
    private final int minThinkMillis;
    private final int maxThinkMillis;
    private final boolean spammer;

    private Strategy(Random random, double accuracy, int minThinkMillis, int maxThinkMillis, boolean spammer) {
        this.random = random;
        this.accuracy = accuracy;
        this.minThinkMillis = minThinkMillis;
        this.maxThinkMillis = maxThinkMillis;
        this.spammer = spammer;
    }

    /** Right 95 % of the time, 150–400 ms a task. */
    static Strategy honest(long seed) {
        return new Strategy(new Random(seed), 0.95, 150, 400, false);
    }

    /** A random topic within 10 ms: right one time in five. */
    static Strategy spammer(long seed) {
        return new Strategy(new Random(seed), 0, 0, 10, true);
    }

    boolean isSpammer() {
        return spammer;
    }

    synchronized String choose(String truth) {
        if (random.nextDouble() < accuracy) {
            return truth;
        }
        return TOPICS.get(random.nextInt(TOPICS.size()));
    }

    synchronized long thinkMillis() {
        return minThinkMillis + random.nextInt(maxThinkMillis - minThinkMillis + 1);
    }
}
