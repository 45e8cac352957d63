package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Redis on 127.0.0.1:6379; keys live under a namespace of this run and expire. */
class RedisRateLimitStoreTest extends RateLimitStoreContract {

    private static Vertx vertx;
    private static Redis redis;
    private static RedisRateLimitStore store;
    private static SimpleMeterRegistry registry;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, "redis://127.0.0.1:6379");
        registry = new SimpleMeterRegistry();
        // a generous timeout: the concurrency proof must not be blurred by requests failing open
        store = new RedisRateLimitStore(redis, Duration.ofSeconds(5), registry);
    }

    @AfterAll
    static void disconnect() {
        assertThat(registry.counter(RedisRateLimitStore.FAIL_OPEN_METRIC).count()).isZero();
        redis.close();
        vertx.closeAndAwait();
    }

    @Override
    RateLimitStore store() {
        return store;
    }

    @Test
    void countersExpireWhenTheirBudgetIsWhole() {
        Quota quota = quota("expiry", 10, Duration.ofSeconds(60));
        acquire(quota);

        long ttlMillis = redis.send(Request.cmd(Command.PTTL).arg(quota.key())).await().indefinitely().toLong();

        assertThat(ttlMillis).isBetween(5_000L, 6_000L); // one request's share of the window
    }

    @Test
    void withNothingListeningRequestsPassUnmeteredAndAreCounted() {
        Redis nowhere = Redis.createClient(vertx, "redis://127.0.0.1:1");
        SimpleMeterRegistry failures = new SimpleMeterRegistry();
        RedisRateLimitStore deadStore = new RedisRateLimitStore(nowhere, Duration.ofSeconds(2), failures);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(deadStore.acquire(List.of(quota("dead", 1, Duration.ofMinutes(1))))
                        .await().atMost(Duration.ofSeconds(5))).isEmpty();
            }
            assertThat(failures.counter(RedisRateLimitStore.FAIL_OPEN_METRIC).count()).isEqualTo(5);
        } finally {
            nowhere.close();
        }
    }

    @Test
    void aRedisThatHangsIsCutOffAtTheTimeoutAndRequestsPass() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, then never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Redis hanging = Redis.createClient(vertx, "redis://127.0.0.1:" + silent.getLocalPort());
            SimpleMeterRegistry failures = new SimpleMeterRegistry();
            RedisRateLimitStore slowStore = new RedisRateLimitStore(hanging, Duration.ofMillis(300), failures);
            try {
                long started = System.nanoTime();
                List<QuotaState> states = slowStore.acquire(List.of(quota("hanging", 1, Duration.ofMinutes(1))))
                        .await().atMost(Duration.ofSeconds(5));

                assertThat(states).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(failures.counter(RedisRateLimitStore.FAIL_OPEN_METRIC).count()).isEqualTo(1);
            } finally {
                hanging.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
