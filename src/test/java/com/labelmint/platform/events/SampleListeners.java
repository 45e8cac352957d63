package com.labelmint.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Two listeners of {@link SampleHappened} that count what they see, can be told to fail, and take their time on "slow" scenarios. */
public final class SampleListeners {

    private SampleListeners() {
    }

    /** Counts every call per event, notes the transaction of the last one; fails while its budget of failures for a scenario lasts. */
    public abstract static class Counting {
        @Inject
        TransactionSynchronizationRegistry transactions;
        private final Map<UUID, Object> lastTransaction = new ConcurrentHashMap<>();
        private final Set<Object> openTransactions = ConcurrentHashMap.newKeySet();
        private final AtomicInteger mostOpenTransactions = new AtomicInteger();
        private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> completions = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

        protected void handle(SampleHappened event) {
            calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            Object transaction = transactions.getTransactionKey();
            lastTransaction.put(event.eventId(), transaction);
            if (event.scenario().startsWith("slow")) {
                takeTimeIn(transaction);
            }
            AtomicInteger budget = failuresLeft.get(event.scenario());
            if (budget != null && budget.getAndDecrement() > 0) {
                throw new IllegalStateException(getClass().getSimpleName() + " told to fail on " + event.scenario());
            }
            completions.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        }

        /** Notes the transaction as open until it ends, and the most open at once; then sleeps a little in it. */
        private void takeTimeIn(Object transaction) {
            if (openTransactions.add(transaction)) {
                mostOpenTransactions.accumulateAndGet(openTransactions.size(), Math::max);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        openTransactions.remove(transaction);
                    }
                });
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public void failNext(String scenario, int times) {
            failuresLeft.put(scenario, new AtomicInteger(times));
        }

        public int calls(UUID eventId) {
            AtomicInteger count = calls.get(eventId);
            return count == null ? 0 : count.get();
        }

        /** The most transactions of this listener, handling "slow" events, that were open at once since it was last asked. */
        public int mostOpenTransactionsSinceLastAsked() {
            return mostOpenTransactions.getAndSet(openTransactions.size());
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
