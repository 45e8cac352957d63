package com.labelmint.notifications.delivery;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubling after each further one, never above {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
