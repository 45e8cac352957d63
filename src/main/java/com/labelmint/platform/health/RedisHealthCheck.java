package com.labelmint.platform.health;

import com.labelmint.platform.redis.OptionalRedis;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * Redis health, as a wellness check: reported, but never what takes an instance out of service,
 * because what uses Redis fails open or falls back (see docs/decisions/rate-limiting.md). Without
 * Redis configured it reports the in-process fallback. (Quarkus's own Redis check is off because
 * it would report that run as down.)
 */
@Wellness
@ApplicationScoped
public class RedisHealthCheck implements AsyncHealthCheck {

    static final String NAME = "redis";
    /** Short: a health probe waits for every check, and a Redis this slow is as good as down. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    private final OptionalRedis redis;

    RedisHealthCheck(OptionalRedis redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!redis.configured()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up()
                    .withData("mode", "in-process-fallback").build());
        }
        return redis.client().send(Request.cmd(Command.PING))
                .ifNoItem().after(PING_TIMEOUT).fail()
                .map(pong -> HealthCheckResponse.named(NAME).up().withData("host", redis.address()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("host", redis.address())
                        .withData("error", String.valueOf(failure)).build());
    }
}
