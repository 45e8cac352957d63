package com.labelmint.platform.ratelimit;

import java.time.Duration;

/** One budget a request is charged against: {@code limit} requests per {@code window} under {@code key}. */
public record Quota(String key, int limit, Duration window) {

    public Quota {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit must allow at least one request: " + key);
        }
        if (window.toNanos() / 1_000 < limit) {
            throw new IllegalArgumentException("A rate-limit window must be at least one microsecond per request: " + key);
        }
    }

    /** The GCRA emission interval: one request's share of the window. */
    long intervalMicros() {
        return window.toNanos() / 1_000 / limit;
    }

    /** The policy as the RateLimit-Policy header writes it, e.g. {@code 10;w=60}. */
    String policy() {
        return limit + ";w=" + Math.max(1, window.toSeconds());
    }
}
