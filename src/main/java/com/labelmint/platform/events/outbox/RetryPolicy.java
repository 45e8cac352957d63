package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Exponential backoff with a cap, and the attempt count after which a row is parked. */
@ApplicationScoped
public class RetryPolicy {

    private final EventsConfig.Retry config;

    RetryPolicy(EventsConfig config) {
        this.config = config.retry();
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        Duration initial = config.initialBackoff();
        Duration max = config.maxBackoff();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= config.maxAttempts();
    }
}
