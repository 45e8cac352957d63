package com.labelmint.scenario;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for the marketplace to get somewhere it gets to asynchronously (events, schedules, the chain). */
final class Poll {

    private Poll() {
    }

    static void until(String what, Duration timeout, BooleanSupplier reached) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ScenarioFailure("Not within " + timeout + ": " + what);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("Interrupted", e);
        }
    }
}
