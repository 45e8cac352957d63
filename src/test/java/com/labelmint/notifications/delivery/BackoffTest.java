package com.labelmint.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesAfterEachFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
