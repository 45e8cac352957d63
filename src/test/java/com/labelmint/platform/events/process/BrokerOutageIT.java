package com.labelmint.platform.events.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.PrivateRabbitMq;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An instance in broker mode whose RabbitMQ (a node of the test's own) goes away for a while: it stays live and ready
 * (the broker is not what makes it serve requests), the events published meanwhile wait in the outbox, and once the
 * broker is back the instance reconnects and delivers each of them once, none of them having used up a retry.
 */
class BrokerOutageIT {

    /** Three of the client's reconnect intervals (5 s): the instance tries and fails to reconnect while it lasts. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);
    private static final int EVENTS = 200;

    @Test
    void anInstanceStaysLiveAndReadyWithoutItsBrokerAndDeliversWhatWaitedOnceTheBrokerIsBack() {
        try (PrivateRabbitMq rabbitMq = PrivateRabbitMq.start();
             TestDatabase database = TestDatabase.recreate("labelmint_outages_broker");
             CanaryBus bus = new CanaryBus(database);
             AppProcess app = AppProcess.start("broker-outage", database.jdbcUrl(), rabbitMq.broker("broker-outage").instanceEnvironment())) {
            UUID before = CanaryBus.publish(app, EVENTS, 10);
            bus.assertDeliveredExactlyOnce(bus.awaitSettled(Set.of(before), EVENTS, DELIVERY_TIMEOUT, app), EVENTS, Set.of(before));

            rabbitMq.stop();
            UUID during = CanaryBus.publish(app, EVENTS, 10);
            long stopped = System.nanoTime();
            while (System.nanoTime() - stopped < OUTAGE.toNanos()) {
                assertThat(app.get("/q/health/live").statusCode()).as("liveness without the broker").isEqualTo(200);
                assertThat(app.get("/q/health/ready").statusCode()).as("readiness without the broker").isEqualTo(200);
                CanaryBus.sleep(1000);
            }
            assertThat(bus.state(Set.of(during)).inFlight()).as("events waiting in the outbox while the broker is down").isPositive();

            rabbitMq.startAgain();
            CanaryBus.State delivered = bus.awaitSettled(Set.of(during), EVENTS, DELIVERY_TIMEOUT, app);
            bus.assertDeliveredExactlyOnce(delivered, EVENTS, Set.of(during));
            assertThat(delivered.maxAttempts()).as("attempts: the broker's absence used up none (1 = the delivery)")
                    .isEqualTo(1);
            assertThat(app.get("/q/health/ready").statusCode()).as("readiness once the broker is back").isEqualTo(200);
        }
    }
}
