package com.labelmint.platform.log;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * A warning logged at most once per interval, saying how many were left out since the last one: an outage that fails
 * every request or every event at once (Redis, the broker) must not flood the log with one line each.
 */
public final class ThrottledWarning {

    private final Consumer<String> sink;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledWarning(Logger log, Duration interval) {
        this(log::warn, interval, System::nanoTime);
    }

    ThrottledWarning(Consumer<String> sink, Duration interval, LongSupplier clock) {
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.nextAllowed = new AtomicLong(clock.getAsLong());
    }

    public void warn(String message, Object detail) {
        long now = clock.getAsLong();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            long left = suppressed.getAndSet(0);
            sink.accept(String.format("%s: %s (%sfurther warnings suppressed for %ds)", message, detail,
                    left == 0 ? "" : left + " like it suppressed since the last one; ", intervalNanos / 1_000_000_000));
        } else {
            suppressed.incrementAndGet();
        }
    }
}
