package com.labelmint.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** A warning logged at most once per interval: an outage hit on every request must not flood the log. */
final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());

    ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void warn(String message, Object detail) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            log.warnf("%s: %s (further warnings suppressed for %ds)", message, detail, intervalNanos / 1_000_000_000);
        }
    }
}
