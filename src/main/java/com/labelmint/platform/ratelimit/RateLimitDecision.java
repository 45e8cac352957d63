package com.labelmint.platform.ratelimit;

import java.util.List;
import java.util.Optional;

/**
 * The answer for a request charged against several quotas, told through the quota that binds
 * hardest: a refusing one (the one that frees up last, since the client must wait for all), or
 * else the one with the fewest requests left.
 */
record RateLimitDecision(boolean allowed, Quota quota, QuotaState state) {

    /** Empty when the store did not meter the request. */
    static Optional<RateLimitDecision> strictest(List<Quota> quotas, List<QuotaState> states) {
        if (states.isEmpty()) {
            return Optional.empty();
        }
        boolean allowed = states.stream().allMatch(QuotaState::allowed);
        int binding = 0;
        for (int i = 1; i < states.size(); i++) {
            if (bindsHarder(states.get(i), states.get(binding), allowed)) {
                binding = i;
            }
        }
        return Optional.of(new RateLimitDecision(allowed, quotas.get(binding), states.get(binding)));
    }

    private static boolean bindsHarder(QuotaState candidate, QuotaState current, boolean allowed) {
        if (!allowed) {
            return !candidate.allowed() && (current.allowed() || candidate.retryAfterMicros() > current.retryAfterMicros());
        }
        return candidate.remaining() < current.remaining()
                || candidate.remaining() == current.remaining() && candidate.resetAfterMicros() > current.resetAfterMicros();
    }

    long resetSeconds() {
        return ceilSeconds(state.resetAfterMicros());
    }

    /** At least one second: Retry-After has whole seconds, and 0 would invite an immediate retry. */
    long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(state.retryAfterMicros()));
    }

    private static long ceilSeconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }
}
