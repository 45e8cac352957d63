package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessRateLimitStoreTest extends RateLimitStoreContract {

    private final InProcessRateLimitStore store = new InProcessRateLimitStore();

    @Override
    RateLimitStore store() {
        return store;
    }

    @Test
    void expiredWindowsAreEvicted() {
        AtomicLong clock = new AtomicLong(0);
        InProcessRateLimitStore store = new InProcessRateLimitStore(clock::get, 1_000);
        for (int i = 0; i < 10; i++) {
            store.acquireNow(List.of(new Quota("client-" + i, 5, Duration.ofMillis(500))));
        }
        assertThat(store.size()).isEqualTo(10);

        clock.set(Duration.ofSeconds(2).toNanos() / 1_000);
        store.acquireNow(List.of(new Quota("late-client", 5, Duration.ofMillis(500))));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aFullTableLetsNewClientsPassUnmeteredAndKeepsMeteringKnownOnes() {
        AtomicLong clock = new AtomicLong(0);
        InProcessRateLimitStore store = new InProcessRateLimitStore(clock::get, 2);
        Quota first = new Quota("first", 1, Duration.ofHours(1));
        store.acquireNow(List.of(first));
        store.acquireNow(List.of(new Quota("second", 1, Duration.ofHours(1))));

        assertThat(store.acquireNow(List.of(new Quota("third", 1, Duration.ofHours(1))))).isEmpty();
        assertThat(store.acquireNow(List.of(first))).singleElement().extracting(QuotaState::allowed).isEqualTo(false);
        assertThat(store.size()).isEqualTo(2);
    }
}
