package com.labelmint.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "labelmint.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /**
     * Take the client address from the first {@code X-Forwarded-For} hop instead of the TCP peer.
     * Off by default: anyone can send that header, so trusting it without a proxy that overwrites
     * it lets a client pick a fresh address, and a fresh budget, on every request.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Prepended to every counter key in Redis. */
    @WithDefault("labelmint:rl:")
    String keyPrefix();

    /** How long a request waits for Redis before it is let through unmetered (fail open). */
    @WithDefault("250ms")
    Duration redisTimeout();

    /**
     * After most recent calls to Redis failed, how long requests skip it (unmetered, without waiting
     * for the timeout) before one call probes whether it is back.
     */
    @WithDefault("2s")
    Duration redisPauseAfterFailures();

    /** Route groups by name; a path belongs to the group with the longest matching prefix. */
    Map<String, Group> groups();

    interface Group {
        List<String> pathPrefixes();

        /** Per client address, signed in or not. */
        int requestsPerIp();

        /** Per signed-in account, whichever address it calls from. */
        int requestsPerAccount();

        /** The window both limits are per; GCRA gives one request back every window / limit. */
        Duration window();
    }
}
