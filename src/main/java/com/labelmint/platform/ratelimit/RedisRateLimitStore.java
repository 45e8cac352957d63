package com.labelmint.platform.ratelimit;

import com.labelmint.platform.log.ThrottledWarning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The store shared by every instance: one Lua script per request, so reading and charging all of a
 * request's quotas is a single atomic step on the Redis server, timed by the server's clock.
 * When Redis fails or is slower than the timeout, the request passes unmetered (fail open): an
 * outage of a counter must not take the API down with it. A circuit breaker makes failing open
 * cheap: once most of the recent calls failed, requests skip Redis for a pause instead of each
 * waiting out the timeout, and then a single probe finds out whether it is back.
 */
final class RedisRateLimitStore implements RateLimitStore {

    /** Tagged {@code reason}: {@code redis-failed} (asked, no answer) or {@code redis-skipped} (breaker open). */
    static final String FAIL_OPEN_METRIC = "labelmint.ratelimit.failopen";
    /** The breaker opens when half of this many recent calls failed: a few failures in a row, not one stray. */
    private static final int BREAKER_WINDOW = 8;
    private static final Logger LOG = Logger.getLogger(RedisRateLimitStore.class);

    /**
     * GCRA, as in {@link Gcra}. KEYS[i] holds quota i's TAT in microseconds; ARGV[2i-1] is its
     * emission interval, ARGV[2i] its limit; the last ARGV is 1 to charge an admitted request, 0 to
     * only look. Returns four integers per quota: admits (1 or 0),
     * remaining, reset-after and retry-after in microseconds. Sent with EVAL each time: the script
     * is small and Redis caches its compiled form, which spares the NOSCRIPT dance of EVALSHA.
     */
    static final String SCRIPT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local levels, admits, admitted = {}, {}, true
            local charge = ARGV[#ARGV] == '1'
            for i, key in ipairs(KEYS) do
              local interval, limit = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
              local tat = tonumber(redis.call('GET', key))
              levels[i] = tat and math.max(0, tat - now) or 0
              admits[i] = levels[i] <= interval * (limit - 1)
              admitted = admitted and admits[i]
            end
            local result = {}
            for i, key in ipairs(KEYS) do
              local interval, limit = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
              if admitted and charge then
                levels[i] = levels[i] + interval
                -- %d, not tostring: that would print a 16-digit TAT in exponent form and lose precision
                redis.call('SET', key, string.format('%d', now + levels[i]),
                           'PX', string.format('%d', math.ceil(levels[i] / 1000)))
              end
              local retry = 0
              if not admits[i] then retry = levels[i] - interval * (limit - 1) end
              table.insert(result, admits[i] and 1 or 0)
              table.insert(result, math.max(0, math.floor((interval * limit - levels[i]) / interval)))
              table.insert(result, levels[i])
              table.insert(result, retry)
            end
            return result
            """;

    private final Redis redis;
    private final Duration timeout;
    private final TypedGuard<Uni<Response>> breaker;
    private final Counter failedOpen;
    private final Counter skippedOpen;
    private final ThrottledWarning warning = new ThrottledWarning(LOG, Duration.ofSeconds(30));

    RedisRateLimitStore(Redis redis, Duration timeout, Duration pauseAfterFailures, MeterRegistry registry) {
        this.redis = redis;
        this.timeout = timeout;
        // one trial call when the pause is over (successThreshold 1): the guard lets no other call through
        // until it has settled, so only the probe may wait out the timeout while Redis is still away
        this.breaker = TypedGuard.create(new TypeLiteral<Uni<Response>>() { })
                .withCircuitBreaker()
                .requestVolumeThreshold(BREAKER_WINDOW)
                .failureRatio(0.5)
                .delay(pauseAfterFailures.toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(state -> {
                    if (state == CircuitBreakerState.CLOSED) {
                        LOG.info("Redis answers again: rate limiting meters requests again");
                    }
                })
                .done()
                .build();
        this.failedOpen = failOpenCounter(registry, "redis-failed",
                "Requests let through unmetered because Redis failed or did not answer in time");
        this.skippedOpen = failOpenCounter(registry, "redis-skipped",
                "Requests let through unmetered without asking Redis, which failed just before");
    }

    private static Counter failOpenCounter(MeterRegistry registry, String reason, String description) {
        return Counter.builder(FAIL_OPEN_METRIC).tag("reason", reason).description(description).register(registry);
    }

    @Override
    public Uni<List<QuotaState>> acquire(List<Quota> quotas) {
        return evaluate(quotas, true);
    }

    @Override
    public Uni<List<QuotaState>> peek(List<Quota> quotas) {
        return evaluate(quotas, false);
    }

    private Uni<List<QuotaState>> evaluate(List<Quota> quotas, boolean charge) {
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(quotas.size());
        quotas.forEach(quota -> eval.arg(quota.key()));
        quotas.forEach(quota -> eval.arg(quota.intervalMicros()).arg(quota.limit()));
        eval.arg(charge ? 1 : 0);
        return breaker.get(() -> redis.send(eval).ifNoItem().after(timeout).fail())
                .map(response -> states(response, quotas.size()))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof CircuitBreakerOpenException) {
                        skippedOpen.increment();
                    } else {
                        failedOpen.increment();
                        warning.warn("Rate limiting fails open, Redis did not answer", failure.toString());
                    }
                    return List.of();
                });
    }

    private static List<QuotaState> states(Response response, int quotas) {
        List<QuotaState> states = new ArrayList<>(quotas);
        for (int i = 0; i < quotas; i++) {
            states.add(new QuotaState(response.get(4 * i).toInteger() == 1, response.get(4 * i + 1).toLong(),
                    response.get(4 * i + 2).toLong(), response.get(4 * i + 3).toLong()));
        }
        return states;
    }
}
