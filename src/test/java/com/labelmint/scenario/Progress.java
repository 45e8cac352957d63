package com.labelmint.scenario;

import java.io.PrintStream;
import java.time.Duration;

/** Progress lines a person can follow: time since the start, the step, what happened. */
final class Progress {

    private final PrintStream out;
    private final long startedAt = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String step, String format, Object... arguments) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
        out.printf("[%02d:%02d] %-10s %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), step, String.format(format, arguments));
        out.flush();
    }
}
