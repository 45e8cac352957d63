package com.labelmint.platform.ratelimit;

import com.labelmint.platform.redis.OptionalRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Counts in Redis when one is configured, so every instance shares the limits; in memory otherwise. */
@ApplicationScoped
public class RateLimitStoreProducer {

    private static final Logger LOG = Logger.getLogger(RateLimitStoreProducer.class);

    private final OptionalRedis redis;
    private final RateLimitConfig config;

    RateLimitStoreProducer(OptionalRedis redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    RateLimitStore store(MeterRegistry registry) {
        return redis.configured()
                ? new RedisRateLimitStore(redis.client(), config.redisTimeout(), config.redisPauseAfterFailures(), registry)
                : new InProcessRateLimitStore();
    }

    void announce(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("Rate limiting is off (labelmint.rate-limit.enabled=false)");
        } else if (redis.configured()) {
            LOG.infof("Rate limiting counts in Redis at %s", redis.address());
            // connect now: otherwise the first requests pay for the connection and may fail open
            redis.client().send(Request.cmd(Command.PING)).subscribe().with(
                    pong -> LOG.debug("Redis answered at start-up"),
                    failure -> LOG.warnf("Redis at %s did not answer at start-up (%s): rate limiting fails open until it does",
                            redis.address(), failure.toString()));
        } else {
            LOG.info("Rate limiting: no Redis configured: in-process fallback, limits hold per instance");
        }
    }
}
