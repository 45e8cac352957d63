package com.labelmint.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.labelmint.platform.events.outbox.ListenerDispatcher;
import com.labelmint.platform.events.outbox.OutboxRelay;
import com.labelmint.platform.events.outbox.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventBusTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    EventPublisher events;
    @Inject
    SampleListeners.Auditor auditor;
    @Inject
    SampleListeners.Projector projector;
    @Inject
    OutboxRowReader rows;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxStore outbox;
    @Inject
    ListenerDispatcher dispatcher;

    @Test
    void publishingOutsideATransactionIsRefused() {
        SampleHappened event = SampleHappened.of("no-transaction");

        assertThatThrownBy(() -> events.publish(event))
                .isInstanceOf(NoActiveTransactionException.class)
                .hasMessageContaining("needs an active transaction");
        assertThat(rows.find(event.eventId())).isEmpty();
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverStoredNorDelivered() throws InterruptedException {
        SampleHappened rolledBack = SampleHappened.of("rolled-back");
        SampleHappened committedAfter = SampleHappened.of("committed-after");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            events.publish(rolledBack);
            throw new IllegalStateException("the business change failed");
        })).hasMessageContaining("the business change failed");
        QuarkusTransaction.requiringNew().run(() -> events.publish(committedAfter));

        // once a later event has gone through both the fast path and several polls, the first never will
        await().atMost(PATIENCE).until(() -> auditor.completions(committedAfter.eventId()) == 1);
        Thread.sleep(600);
        assertThat(rows.find(rolledBack.eventId())).isEmpty();
        assertThat(auditor.calls(rolledBack.eventId())).isZero();
        assertThat(projector.calls(rolledBack.eventId())).isZero();
    }

    @Test
    void aCommittedEventReachesEveryObserverOnceAndIsMarkedDelivered() {
        SampleHappened event = SampleHappened.of("plain");

        QuarkusTransaction.requiringNew().run(() -> events.publish(event));

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(rows.find(event.eventId()).orElseThrow().status()));
        assertThat(auditor.calls(event.eventId())).isEqualTo(1);
        assertThat(projector.calls(event.eventId())).isEqualTo(1);
        assertThat(rows.inboxRecords(event.eventId())).isEqualTo(2);
    }

    @Test
    void aThrowingObserverIsRetriedWithBackoffAndTheOthersAreNotRunTwice() {
        projector.failNext("flaky-projector", 2);
        SampleHappened event = SampleHappened.of("flaky-projector");

        QuarkusTransaction.requiringNew().run(() -> events.publish(event));

        await().atMost(PATIENCE).until(() -> rows.find(event.eventId()).orElseThrow().attempts() >= 1);
        OutboxRowReader.Row failing = rows.find(event.eventId()).orElseThrow();
        assertThat(failing.lastError()).contains("Projector").contains("told to fail");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(rows.find(event.eventId()).orElseThrow().status()));
        assertThat(projector.calls(event.eventId())).isEqualTo(3);
        assertThat(projector.completions(event.eventId())).isEqualTo(1);
        assertThat(auditor.calls(event.eventId())).isEqualTo(1);
        assertThat(rows.find(event.eventId()).orElseThrow().attempts()).isEqualTo(3);
        assertThat(rows.find(event.eventId()).orElseThrow().lastError()).isNull();
    }

    @Test
    void eventsDeliveredTogetherReachEachListenerInOneTransaction() {
        List<SampleHappened> batch = List.of(SampleHappened.of("together"), SampleHappened.of("together"), SampleHappened.of("together"));

        Map<UUID, List<String>> failures = dispatcher.dispatchAll(List.copyOf(batch));

        assertThat(failures).hasSize(3).allSatisfy((id, itsFailures) -> assertThat(itsFailures).isEmpty());
        Object auditorTransaction = auditor.lastTransaction(batch.get(0).eventId());
        assertThat(auditorTransaction).isNotNull();
        assertThat(batch).allSatisfy(event -> {
            assertThat(auditor.calls(event.eventId())).isEqualTo(1);
            assertThat(projector.calls(event.eventId())).isEqualTo(1);
            assertThat(auditor.lastTransaction(event.eventId())).isEqualTo(auditorTransaction);
            assertThat(projector.lastTransaction(event.eventId())).isNotEqualTo(auditorTransaction);
            assertThat(rows.inboxRecords(event.eventId())).isEqualTo(2);
        });

        assertThat(dispatcher.dispatchAll(List.copyOf(batch))).allSatisfy((id, itsFailures) -> assertThat(itsFailures).isEmpty());
        assertThat(batch).allSatisfy(event -> assertThat(auditor.calls(event.eventId())).as("a redelivered batch").isEqualTo(1));
    }

    @Test
    void twoRelaysNeverRunOneListenersBatchesAtTheSameTime() throws Exception {
        auditor.mostOpenTransactionsSinceLastAsked();
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<UUID, List<String>>>> batches = new ArrayList<>();
            for (int relayThread = 0; relayThread < 2; relayThread++) {
                List<DomainEvent> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    batch.add(SampleHappened.of("slow-batches"));
                }
                batches.add(relays.submit(() -> {
                    start.await();
                    return dispatcher.dispatchAll(batch);
                }));
            }
            start.countDown();
            for (Future<Map<UUID, List<String>>> batch : batches) {
                assertThat(batch.get(60, TimeUnit.SECONDS)).hasSize(5).allSatisfy((id, failures) -> assertThat(failures).isEmpty());
            }
        } finally {
            relays.shutdownNow();
        }

        // each batch sleeps 100 ms in the auditor: run side by side they would overlap
        assertThat(auditor.mostOpenTransactionsSinceLastAsked()).isEqualTo(1);
    }

    @Test
    void aListenerFailingOnOneEventOfABatchHoldsBackThatEventOnly() {
        auditor.failNext("poison-in-a-batch", 2); // the batch's attempt, then the event's own
        SampleHappened before = SampleHappened.of("healthy-neighbour");
        SampleHappened poison = SampleHappened.of("poison-in-a-batch");
        SampleHappened after = SampleHappened.of("healthy-neighbour");

        Map<UUID, List<String>> failures = dispatcher.dispatchAll(List.of(before, poison, after));

        assertThat(failures.get(poison.eventId())).singleElement().asString().contains("Auditor").contains("told to fail");
        assertThat(failures.get(before.eventId())).isEmpty();
        assertThat(failures.get(after.eventId())).isEmpty();
        // the batch rolled back, then each event went alone: the healthy ones committed once, each in its own transaction
        assertThat(auditor.calls(before.eventId())).isEqualTo(2);
        assertThat(auditor.lastTransaction(before.eventId())).isNotEqualTo(auditor.lastTransaction(after.eventId()));
        assertThat(rows.inboxRecords(before.eventId())).isEqualTo(2);
        assertThat(rows.inboxRecords(after.eventId())).isEqualTo(2);
        assertThat(rows.inboxRecords(poison.eventId())).as("the projector's only").isEqualTo(1);
        assertThat(List.of(before, poison, after)).allSatisfy(event -> assertThat(projector.calls(event.eventId())).isEqualTo(1));

        assertThat(dispatcher.dispatchAll(List.of(before, poison, after))).allSatisfy((id, itsFailures) -> assertThat(itsFailures).isEmpty());
        assertThat(auditor.completions(poison.eventId())).isEqualTo(1);
        assertThat(rows.inboxRecords(poison.eventId())).isEqualTo(2);
        assertThat(auditor.calls(before.eventId())).as("not run again").isEqualTo(2);
    }

    @Test
    void aListenerThatKeepsFailingIsParkedAsFailedAndCanBeRequeued() {
        auditor.failNext("poison", 1_000);
        SampleHappened event = SampleHappened.of("poison");

        QuarkusTransaction.requiringNew().run(() -> events.publish(event));

        await().atMost(PATIENCE).until(() -> "FAILED".equals(rows.find(event.eventId()).orElseThrow().status()));
        OutboxRowReader.Row parked = rows.find(event.eventId()).orElseThrow();
        assertThat(parked.attempts()).isEqualTo(5);
        assertThat(parked.lastError()).contains("Auditor");
        assertThat(projector.calls(event.eventId())).isEqualTo(1);

        auditor.failNext("poison", 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.requeue(event.eventId()))).isTrue();

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(rows.find(event.eventId()).orElseThrow().status()));
        assertThat(auditor.completions(event.eventId())).isEqualTo(1);
        assertThat(projector.calls(event.eventId())).isEqualTo(1);
    }

    @Test
    void unknownAndUnreadableEventsGoDeadWithoutBlockingTheOnesBehindThem() {
        UUID unknown = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        rows.insertRaw(unknown, "sample.NobodyKnowsMe", 1, "{}");
        rows.insertRaw(unreadable, "sample.SampleHappened", 1, "{\"eventId\": \"not-a-uuid\"}");
        SampleHappened behind = SampleHappened.of("behind-the-dead");

        QuarkusTransaction.requiringNew().run(() -> events.publish(behind));

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(rows.find(behind.eventId()).orElseThrow().status()));
        await().atMost(PATIENCE).until(() -> "DEAD".equals(rows.find(unknown).orElseThrow().status())
                && "DEAD".equals(rows.find(unreadable).orElseThrow().status()));
        assertThat(rows.find(unknown).orElseThrow().lastError()).contains("Unknown event type sample.NobodyKnowsMe v1");
        assertThat(rows.find(unreadable).orElseThrow().lastError()).contains("Unreadable sample.SampleHappened v1");
    }

    @Test
    void relaysRacingOnTheSameRowsDeliverEachEventOncePerListener() throws Exception {
        int eventCount = 2_000;
        int racers = 4;
        List<UUID> ids = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(racers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            work.add(threads.submit(() -> {
                start.await();
                for (int batch = 0; batch < eventCount / 50; batch++) {
                    List<SampleHappened> published = new ArrayList<>();
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int i = 0; i < 50; i++) {
                            SampleHappened event = SampleHappened.of("race");
                            events.publish(event);
                            published.add(event);
                        }
                    });
                    synchronized (ids) {
                        published.forEach(event -> ids.add(event.eventId()));
                    }
                }
                return null;
            }));
            for (int racer = 0; racer < racers; racer++) {
                work.add(threads.submit(() -> {
                    start.await();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (System.nanoTime() < until) {
                        relay.relayDue(25);
                        synchronized (ids) {
                            if (ids.size() == eventCount && ids.stream().allMatch(id -> auditor.calls(id) > 0)) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> auditor.calls(id) == 1 && projector.calls(id) == 1));
        assertThat(ids).hasSize(eventCount).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> {
            assertThat(auditor.calls(id)).as("auditor calls for %s", id).isEqualTo(1);
            assertThat(projector.calls(id)).as("projector calls for %s", id).isEqualTo(1);
        });
    }
}
