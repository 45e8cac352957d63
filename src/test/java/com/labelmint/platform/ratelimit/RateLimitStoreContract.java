package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every store must do, run against each implementation. */
abstract class RateLimitStoreContract {

    private static final Duration HOUR = Duration.ofHours(1);
    private final String run = UUID.randomUUID().toString();

    abstract RateLimitStore store();

    Quota quota(String name, int limit, Duration window) {
        return new Quota("labelmint:rl:test-" + run + ":" + name, limit, window);
    }

    List<QuotaState> acquire(Quota... quotas) {
        return store().acquire(List.of(quotas)).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void peekingTellsTheStateWithoutSpendingAnything() {
        Quota quota = quota("peek", 2, HOUR);
        for (int i = 0; i < 5; i++) {
            assertThat(store().peek(List.of(quota)).await().atMost(Duration.ofSeconds(10)))
                    .singleElement().satisfies(state -> assertThat(state.allowed()).isTrue());
        }
        acquire(quota);
        acquire(quota);

        assertThat(store().peek(List.of(quota)).await().atMost(Duration.ofSeconds(10)))
                .singleElement().satisfies(state -> {
                    assertThat(state.allowed()).isFalse();
                    assertThat(state.retryAfterMicros()).isPositive();
                });
    }

    @Test
    void chargesEachRequestUntilTheLimitThenRefuses() {
        Quota quota = quota("sequence", 3, HOUR);

        assertThat(acquire(quota)).singleElement().satisfies(state -> {
            assertThat(state.allowed()).isTrue();
            assertThat(state.remaining()).isEqualTo(2);
            assertThat(state.resetAfterMicros()).isBetween(1_199_000_000L, 1_200_000_000L);
        });
        assertThat(acquire(quota).get(0).remaining()).isEqualTo(1);
        assertThat(acquire(quota).get(0).remaining()).isZero();
        QuotaState refused = acquire(quota).get(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // one interval (an hour / 3) until the next request fits; the whole window until all are back
        assertThat(refused.retryAfterMicros()).isBetween(1_190_000_000L, 1_200_000_000L);
        assertThat(refused.resetAfterMicros()).isBetween(3_590_000_000L, 3_600_000_000L);
    }

    @Test
    void aRefusedRequestSpendsNothingFromItsOtherQuotas() {
        Quota tight = quota("tight", 1, HOUR);
        Quota loose = quota("loose", 5, HOUR);

        assertThat(acquire(tight, loose)).extracting(QuotaState::allowed).containsExactly(true, true);
        List<QuotaState> refused = acquire(tight, loose);

        assertThat(refused).extracting(QuotaState::allowed).containsExactly(false, true);
        assertThat(refused.get(1).remaining()).isEqualTo(4);
        assertThat(acquire(loose).get(0).remaining()).isEqualTo(3);
    }

    @Test
    void theBudgetComesBackAsTheWindowMovesOn() {
        Quota quota = quota("refill", 2, Duration.ofMillis(400));
        acquire(quota);
        acquire(quota);
        assertThat(acquire(quota).get(0).allowed()).isFalse();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> acquire(quota).get(0).allowed());
    }

    @Test
    void concurrentRequestsAreAdmittedExactlyUpToTheLimit() throws Exception {
        int threads = 8;
        int rounds = 150;
        int limit = threads * rounds / 2;
        Quota perIp = quota("concurrent-ip", limit, HOUR);
        Quota perAccount = quota("concurrent-account", limit + 50, HOUR);
        // every round releases all threads at once, so they collide on the same counters over and over
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> admittedPerThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                admittedPerThread.add(pool.submit(() -> {
                    int admitted = 0;
                    for (int round = 0; round < rounds; round++) {
                        together.await(30, TimeUnit.SECONDS);
                        List<QuotaState> states = acquire(perIp, perAccount);
                        assertThat(states).as("metered, never failed open").hasSize(2);
                        if (states.stream().allMatch(QuotaState::allowed)) {
                            admitted++;
                        }
                    }
                    return admitted;
                }));
            }
            int admitted = 0;
            for (Future<Integer> future : admittedPerThread) {
                admitted += future.get(120, TimeUnit.SECONDS);
            }

            assertThat(admitted).isEqualTo(limit);
            // the account quota was charged for the admitted requests only: 50 left, minus this one
            assertThat(acquire(perAccount).get(0).remaining()).isEqualTo(49);
        } finally {
            pool.shutdownNow();
        }
    }
}
