package com.labelmint.platform.events.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances with their relays on, one database, one event transport (the subclass's): both
 * publish and both deliver, and each event reaches its listener exactly once. The instances start
 * once per class, one after the other (the first migrates the fresh database); subclasses may run
 * more tests on them after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoRelayingInstances {

    static final int BATCHES_PER_INSTANCE = 5;
    static final int EVENTS_PER_BATCH = 1000;
    static final int PER_TRANSACTION = 50;
    static final int EVENTS = 2 * BATCHES_PER_INSTANCE * EVENTS_PER_BATCH;

    TestDatabase database;
    CanaryBus bus;
    AppProcess first;
    AppProcess second;

    /** Names the database ({@code labelmint_it_<name>}), the log files and the output. */
    abstract String name();

    /** How the instances deliver events, as environment beyond the relay being on. */
    abstract Map<String, String> transportEnvironment();

    /** What the transport itself must show when no event is on its way (nothing, in-process). */
    void assertTransportIdle() {
    }

    /**
     * Whether a relay may have to hand a row over more than once although nothing is wrong with the
     * bus: in-process it may not (every delivery of a canary succeeds at once).
     */
    boolean handOverMayBeRetried() {
        return false;
    }

    /** Deletes what the transport created for this class; the instances are stopped by then. */
    void releaseTransport() {
    }

    AppProcess startInstance(String suffix) {
        Map<String, String> env = new HashMap<>(transportEnvironment());
        env.put("LABELMINT_EVENTS_RELAY_ENABLED", "true");
        return AppProcess.start(name() + "-" + suffix, database.jdbcUrl(), env);
    }

    @BeforeAll
    void startTwoInstances() {
        database = TestDatabase.recreate("labelmint_it_" + name().replace('-', '_'));
        bus = new CanaryBus(database);
        first = startInstance("a");
        second = startInstance("b");
    }

    @AfterAll
    void stopInstances() {
        try {
            for (AppProcess app : new AppProcess[] {first, second}) {
                if (app != null) {
                    app.close();
                }
            }
            releaseTransport();
        } finally {
            if (bus != null) {
                bus.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoRelayingInstancesOnOneDatabaseDeliverEveryEventExactlyOnce() throws Exception {
        assertThat(first.dataDir()).as("a data folder per instance").isNotEqualTo(second.dataDir());
        assertThat(first.dataDir().resolve("keys/jwt-private.pem")).as("the launcher's key pair of %s", first).isRegularFile();
        assertThat(second.dataDir().resolve("keys/jwt-private.pem")).as("the launcher's key pair of %s", second).isRegularFile();
        assertTransportIdle();

        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<UUID> batches = new ArrayList<>();
        try {
            Future<List<UUID>> throughFirst = clients.submit(() -> publishBatches(first));
            Future<List<UUID>> throughSecond = clients.submit(() -> publishBatches(second));
            batches.addAll(throughFirst.get(3, TimeUnit.MINUTES));
            batches.addAll(throughSecond.get(3, TimeUnit.MINUTES));
        } finally {
            clients.shutdownNow();
        }
        assertThat(new HashSet<>(batches)).hasSize(2 * BATCHES_PER_INSTANCE);

        CanaryBus.State settled = bus.awaitSettled(batches, EVENTS, Duration.ofSeconds(90), first, second);
        System.out.printf("%s: %d events published and delivered in %d ms: %s%n", getClass().getSimpleName(), EVENTS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), settled);
        // relayed: rows an instance claimed and handed to the transport; delivered: outcomes DELIVERED it
        // recorded (in-process that is the relay again, through a broker it is the instance's consumer)
        double publishedByFirst = first.metric("labelmint_events_published_total");
        double publishedBySecond = second.metric("labelmint_events_published_total");
        double relayedByFirst = first.metric("labelmint_events_relayed_total");
        double relayedBySecond = second.metric("labelmint_events_relayed_total");
        double deliveredByFirst = first.metric("labelmint_events_delivered_total");
        double deliveredBySecond = second.metric("labelmint_events_delivered_total");
        System.out.printf("%s: relayed %.0f, delivered %.0f by %s; relayed %.0f, delivered %.0f by %s%n",
                getClass().getSimpleName(), relayedByFirst, deliveredByFirst, first, relayedBySecond, deliveredBySecond, second);
        bus.assertDeliveredExactlyOnce(settled, EVENTS, batches);
        for (UUID batch : batches) {
            JsonNode report = CanaryBus.report(first, batch);
            assertThat(report.get("receipts").asLong()).as("report %s", report).isEqualTo(EVENTS_PER_BATCH);
            assertThat(report.get("distinctEvents").asLong()).as("report %s", report).isEqualTo(EVENTS_PER_BATCH);
        }
        assertTransportIdle();
        assertThat(publishedByFirst).isEqualTo(EVENTS / 2.0);
        assertThat(publishedBySecond).isEqualTo(EVENTS / 2.0);
        assertThat(relayedByFirst).as("the first instance relayed").isPositive();
        assertThat(relayedBySecond).as("the second instance relayed").isPositive();
        assertThat(deliveredByFirst).as("the first instance delivered").isPositive();
        assertThat(deliveredBySecond).as("the second instance delivered").isPositive();
        if (handOverMayBeRetried() && settled.maxAttempts() > 1) {
            System.out.printf("%s: some rows were handed over again (max attempts %d): %.0f relays, %.0f deliveries for %d events%n",
                    getClass().getSimpleName(), settled.maxAttempts(), relayedByFirst + relayedBySecond,
                    deliveredByFirst + deliveredBySecond, EVENTS);
            assertThat(relayedByFirst + relayedBySecond).as("relays").isGreaterThan(EVENTS);
            assertThat(deliveredByFirst + deliveredBySecond).as("deliveries, the inbox absorbing repeats").isGreaterThanOrEqualTo(EVENTS);
        } else {
            assertThat(settled.maxAttempts()).as("no delivery failed and had to be retried: %s", settled).isEqualTo(1);
            assertThat(relayedByFirst + relayedBySecond).as("each row was claimed and relayed by one instance, once").isEqualTo(EVENTS);
            assertThat(deliveredByFirst + deliveredBySecond).as("each event was delivered by one instance, once").isEqualTo(EVENTS);
        }
    }

    private static List<UUID> publishBatches(AppProcess app) {
        List<UUID> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES_PER_INSTANCE; i++) {
            batches.add(CanaryBus.publish(app, EVENTS_PER_BATCH, PER_TRANSACTION));
        }
        return batches;
    }
}
