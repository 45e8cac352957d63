package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.labelmint.testing.process.PrivateRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Redis on 127.0.0.1:6379; keys live under a namespace of this run and expire. */
class RedisRateLimitStoreTest extends RateLimitStoreContract {

    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final String FAILED = "redis-failed";
    private static final String SKIPPED = "redis-skipped";

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
        store = new RedisRateLimitStore(redis, Duration.ofSeconds(5), PAUSE, registry);
    }

    @AfterAll
    static void disconnect() {
        assertThat(failOpen(registry, FAILED) + failOpen(registry, SKIPPED)).isZero();
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
        RedisRateLimitStore deadStore = new RedisRateLimitStore(nowhere, Duration.ofSeconds(2), PAUSE, failures);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(deadStore.acquire(List.of(quota("dead", 1, Duration.ofMinutes(1))))
                        .await().atMost(Duration.ofSeconds(5))).isEmpty();
            }
            assertThat(failOpen(failures, FAILED)).isEqualTo(5);
        } finally {
            nowhere.close();
        }
    }

    @Test
    void aRedisThatHangsIsCutOffAtTheTimeoutAndRequestsPass() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            Redis hanging = Redis.createClient(vertx, silent.url());
            SimpleMeterRegistry failures = new SimpleMeterRegistry();
            RedisRateLimitStore slowStore = new RedisRateLimitStore(hanging, Duration.ofMillis(300), PAUSE, failures);
            try {
                long started = System.nanoTime();
                List<QuotaState> states = slowStore.acquire(List.of(quota("hanging", 1, Duration.ofMinutes(1))))
                        .await().atMost(Duration.ofSeconds(5));

                assertThat(states).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(failOpen(failures, FAILED)).isEqualTo(1);
            } finally {
                hanging.close();
            }
        }
    }

    @Test
    void onceMostCallsFailRequestsSkipRedisAndAfterThePauseOnlyOneProbes() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            Redis hanging = Redis.createClient(vertx, silent.url());
            SimpleMeterRegistry failures = new SimpleMeterRegistry();
            RedisRateLimitStore breakerStore = new RedisRateLimitStore(hanging, Duration.ofMillis(200), PAUSE, failures);
            Quota quota = quota("breaker", 1, Duration.ofMinutes(1));
            try {
                for (int i = 0; i < 8; i++) { // the breaker's window, every call waiting out the timeout
                    assertThat(breakerStore.acquire(List.of(quota)).await().atMost(Duration.ofSeconds(5))).isEmpty();
                }
                assertThat(failOpen(failures, FAILED)).isEqualTo(8);

                for (int i = 0; i < 20; i++) {
                    assertThat(breakerStore.acquire(List.of(quota)).await().atMost(Duration.ofSeconds(5))).isEmpty();
                }
                assertThat(failOpen(failures, SKIPPED)).as("open: nobody asks Redis").isEqualTo(20);
                assertThat(failOpen(failures, FAILED)).isEqualTo(8);

                Thread.sleep(PAUSE.toMillis() + 200);
                List<Uni<List<QuotaState>>> together = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    together.add(breakerStore.acquire(List.of(quota)));
                }
                List<List<QuotaState>> answers = Uni.join().all(together).andFailFast().await().atMost(Duration.ofSeconds(5));

                assertThat(answers).allSatisfy(states -> assertThat(states).isEmpty());
                assertThat(failOpen(failures, FAILED)).as("after the pause one probe waits for Redis").isEqualTo(9);
                assertThat(failOpen(failures, SKIPPED)).as("and the others do not").isEqualTo(29);
            } finally {
                hanging.close();
            }
        }
    }

    @Test
    void aRedisThatComesBackMetersRequestsAgainAfterThePause() {
        try (PrivateRedis privateRedis = PrivateRedis.start()) {
            Redis client = Redis.createClient(vertx, privateRedis.url());
            SimpleMeterRegistry failures = new SimpleMeterRegistry();
            RedisRateLimitStore restartedStore = new RedisRateLimitStore(client, Duration.ofSeconds(1), PAUSE, failures);
            try {
                assertThat(restartedStore.acquire(List.of(quota("before", 5, Duration.ofMinutes(1))))
                        .await().atMost(Duration.ofSeconds(5))).singleElement().extracting(QuotaState::allowed).isEqualTo(true);

                privateRedis.stop();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    restartedStore.acquire(List.of(quota("during", 5, Duration.ofMinutes(1)))).await().atMost(Duration.ofSeconds(5));
                    return failOpen(failures, SKIPPED) > 0;
                });
                privateRedis.startAgain();

                Quota once = quota("after", 1, Duration.ofMinutes(1));
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !restartedStore.acquire(List.of(once)).await().atMost(Duration.ofSeconds(5)).isEmpty());
                assertThat(restartedStore.acquire(List.of(once)).await().atMost(Duration.ofSeconds(5)))
                        .as("counted again: the second request of a budget of one is refused")
                        .singleElement().extracting(QuotaState::allowed).isEqualTo(false);
            } finally {
                client.close();
            }
        }
    }

    private static double failOpen(SimpleMeterRegistry registry, String reason) {
        return registry.counter(RedisRateLimitStore.FAIL_OPEN_METRIC, "reason", reason).count();
    }

    /** Accepts connections and never answers: a Redis that hangs. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "redis://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }
}
