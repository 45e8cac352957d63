package com.labelmint.platform.ratelimit;

/**
 * The generic cell rate algorithm, in microseconds. A quota's state is its theoretical arrival
 * time (TAT); its level is how far the TAT is ahead of now, and each admitted request pushes it one
 * emission interval further. A request is admitted while the level stays within the window. The
 * Lua script in {@link RedisRateLimitStore} does the same arithmetic; keep the two in step.
 */
final class Gcra {

    private Gcra() {
    }

    /** Whether a quota at this level (TAT minus now, never negative) admits one more request. */
    static boolean admits(Quota quota, long level) {
        return level <= quota.intervalMicros() * (quota.limit() - 1);
    }

    /** The state after the decision, where {@code level} already includes the request if it was charged. */
    static QuotaState state(Quota quota, long level, boolean admits) {
        long interval = quota.intervalMicros();
        long capacity = interval * quota.limit();
        long retryAfter = admits ? 0 : level - interval * (quota.limit() - 1);
        return new QuotaState(admits, Math.max(0, (capacity - level) / interval), level, retryAfter);
    }
}
