package com.labelmint.platform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final ThrottledWarning warning = new ThrottledWarning(lines::add, Duration.ofSeconds(30), now::get);

    @Test
    void anOutageThatFailsEverythingLogsOneLineAnIntervalAndSaysHowManyItLeftOut() {
        warning.warn("Broker down", "event 1");
        warning.warn("Broker down", "event 2");
        warning.warn("Broker down", "event 3");
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        warning.warn("Broker down", "event 4");

        assertThat(lines).containsExactly("Broker down: event 1 (further warnings suppressed for 30s)");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        warning.warn("Broker down", "event 5");
        warning.warn("Broker down", "event 6");

        assertThat(lines).containsExactly("Broker down: event 1 (further warnings suppressed for 30s)",
                "Broker down: event 5 (3 like it suppressed since the last one; further warnings suppressed for 30s)");
    }
}
