package com.labelmint.platform.events.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;

/**
 * Two instances with their relays on, one database: both publish and both deliver, and the row locks
 * of the outbox keep them from delivering an event twice.
 */
class OutboxTwoInstancesIT {

    private static final int BATCHES_PER_INSTANCE = 5;
    private static final int EVENTS_PER_BATCH = 1000;
    private static final int PER_TRANSACTION = 50;
    private static final int EVENTS = 2 * BATCHES_PER_INSTANCE * EVENTS_PER_BATCH;

    private static TestDatabase database;
    private static CanaryBus bus;

    @BeforeAll
    static void freshDatabase() {
        database = TestDatabase.recreate("labelmint_it_outbox_two");
        bus = new CanaryBus(database);
    }

    @AfterAll
    static void dropDatabase() {
        if (bus != null) {
            bus.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoRelayingInstancesOnOneDatabaseDeliverEveryEventExactlyOnce() throws Exception {
        Map<String, String> relayOn = Map.of("LABELMINT_EVENTS_RELAY_ENABLED", "true");
        // one after the other: the first one migrates the fresh database
        try (AppProcess first = AppProcess.start("two-instances-a", database.jdbcUrl(), relayOn);
             AppProcess second = AppProcess.start("two-instances-b", database.jdbcUrl(), relayOn)) {
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
            System.out.printf("OutboxTwoInstancesIT: %s%n", settled);
            assertThat(settled.outboxRows()).as("outbox rows: %s", settled).isEqualTo(EVENTS);
            assertThat(settled.delivered()).as("every row DELIVERED, none PENDING/SENT/FAILED/DEAD: %s", settled).isEqualTo(EVENTS);
            assertThat(settled.distinctReceipts()).as("every event received: %s", settled).isEqualTo(EVENTS);
            assertThat(settled.receipts()).as("each event received once: %s; duplicates %s", settled, bus.duplicates(batches))
                    .isEqualTo(EVENTS);
            assertThat(settled.receiptsOfStoredEvents()).as("receipts only of stored events: %s", settled).isEqualTo(EVENTS);
            assertThat(settled.inboxRecords()).as("one inbox record per event: %s", settled).isEqualTo(EVENTS);
            assertThat(settled.maxAttempts()).as("no delivery failed and had to be retried: %s", settled).isEqualTo(1);
            for (UUID batch : batches) {
                JsonNode report = CanaryBus.report(first, batch);
                assertThat(report.get("receipts").asLong()).as("report %s", report).isEqualTo(EVENTS_PER_BATCH);
                assertThat(report.get("distinctEvents").asLong()).as("report %s", report).isEqualTo(EVENTS_PER_BATCH);
            }

            double publishedByFirst = CanaryBus.metric(first, "labelmint_events_published_total");
            double publishedBySecond = CanaryBus.metric(second, "labelmint_events_published_total");
            double relayedByFirst = CanaryBus.metric(first, "labelmint_events_relayed_total");
            double relayedBySecond = CanaryBus.metric(second, "labelmint_events_relayed_total");
            System.out.printf("OutboxTwoInstancesIT: relayed %.0f by %s, %.0f by %s%n", relayedByFirst, first, relayedBySecond, second);
            assertThat(publishedByFirst).isEqualTo(EVENTS / 2.0);
            assertThat(publishedBySecond).isEqualTo(EVENTS / 2.0);
            assertThat(relayedByFirst).as("the first instance relayed").isPositive();
            assertThat(relayedBySecond).as("the second instance relayed").isPositive();
            assertThat(relayedByFirst + relayedBySecond).as("no row was claimed and relayed by both instances").isEqualTo(EVENTS);
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
