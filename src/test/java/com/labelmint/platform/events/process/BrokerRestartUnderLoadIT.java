package com.labelmint.platform.events.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.PrivateRabbitMq;
import com.labelmint.testing.process.TestBroker;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts while the instance is in the middle of consuming a backlog: messages wait in the queue, some
 * are delivered and not yet acknowledged, and the relay keeps publishing. Once the broker is back the instance must
 * consume everything, each event once, however often this happens.
 */
class BrokerRestartUnderLoadIT {

    private static final int ROUNDS = 3;
    private static final int EVENTS_PER_ROUND = 3000;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void anInstanceConsumingABacklogWhenItsBrokerRestartsConsumesEverythingOnceAfterwards() {
        try (PrivateRabbitMq rabbitMq = PrivateRabbitMq.start();
             TestDatabase database = TestDatabase.recreate("labelmint_broker_restart");
             CanaryBus bus = new CanaryBus(database)) {
            TestBroker broker = rabbitMq.broker("broker-restart");
            try (AppProcess app = AppProcess.start("broker-restart", database.jdbcUrl(), broker.instanceEnvironment())) {
                List<UUID> batches = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    UUID batch = CanaryBus.publish(app, EVENTS_PER_ROUND, 100);
                    batches.add(batch);
                    awaitConsumptionUnderWay(bus, batch);
                    int waiting = broker.queueState().ready();
                    rabbitMq.stop();
                    batches.add(CanaryBus.publish(app, 200, 10));
                    CanaryBus.sleep(3000);
                    rabbitMq.startAgain();
                    System.out.printf("round %d: %d messages were waiting in the queue when the broker stopped%n", round, waiting);
                    bus.assertDeliveredExactlyOnce(bus.awaitSettled(batches, (long) round * (EVENTS_PER_ROUND + 200),
                            DELIVERY_TIMEOUT, app), (long) round * (EVENTS_PER_ROUND + 200), batches);
                }
            }
        }
    }

    private static void awaitConsumptionUnderWay(CanaryBus bus, UUID batch) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (bus.state(List.of(batch)).receipts() < EVENTS_PER_ROUND / 10) {
            assertThat(System.nanoTime()).as("consumption started").isLessThan(deadline);
            CanaryBus.sleep(50);
        }
    }
}
