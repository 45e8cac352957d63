package com.labelmint.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Two listeners of {@link SampleHappened} that count what they see, and can be told to fail. */
public final class SampleListeners {

    private SampleListeners() {
    }

    /** Counts every call per event, notes the transaction of the last one; fails while its budget of failures for a scenario lasts. */
    public abstract static class Counting {
        @Inject
        TransactionSynchronizationRegistry transactions;
        private final Map<UUID, Object> lastTransaction = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> completions = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

        protected void handle(SampleHappened event) {
            calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            lastTransaction.put(event.eventId(), transactions.getTransactionKey());
            AtomicInteger budget = failuresLeft.get(event.scenario());
            if (budget != null && budget.getAndDecrement() > 0) {
                throw new IllegalStateException(getClass().getSimpleName() + " told to fail on " + event.scenario());
            }
            completions.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        }

        public void failNext(String scenario, int times) {
            failuresLeft.put(scenario, new AtomicInteger(times));
        }

        public int calls(UUID eventId) {
            AtomicInteger count = calls.get(eventId);
            return count == null ? 0 : count.get();
        }

        /** The key of the JTA transaction the listener last saw the event in. */
        public Object lastTransaction(UUID eventId) {
            return lastTransaction.get(eventId);
        }

        public int completions(UUID eventId) {
            AtomicInteger count = completions.get(eventId);
            return count == null ? 0 : count.get();
        }
    }

    @ApplicationScoped
    public static class Auditor extends Counting {
        void on(@Observes SampleHappened event) {
            handle(event);
        }
    }

    @ApplicationScoped
    public static class Projector extends Counting {
        void on(@Observes SampleHappened event) {
            handle(event);
        }
    }
}
