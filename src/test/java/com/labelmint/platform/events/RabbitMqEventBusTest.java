package com.labelmint.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.labelmint.testing.process.TestBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every guarantee of {@link EventBusTest}, with events travelling through RabbitMQ: the relay hands
 * rows to the broker, the consumer runs the listeners and records the outcome.
 */
@QuarkusTest
@TestProfile(RabbitMqTransportProfile.class)
class RabbitMqEventBusTest extends EventBusTest {

    @ConfigProperty(name = "labelmint.events.rabbitmq.consumers")
    int consumers;

    @AfterAll
    static void deleteTheRunsExchangeAndQueue() {
        RabbitMqTransportProfile.BROKER.close();
    }

    @Test
    void aQueueDeletedUnderTheConsumersIsDeclaredAgainAndTheyConsumeFromIt() {
        TestBroker broker = RabbitMqTransportProfile.BROKER;
        await().atMost(PATIENCE).until(() -> broker.queueState().consumers() == consumers);

        broker.deleteQueue();

        await().atMost(PATIENCE).ignoreExceptions().until(() -> broker.queueState().consumers() == consumers);
        SampleHappened event = SampleHappened.of("after-the-queue-was-deleted");
        QuarkusTransaction.requiringNew().run(() -> events.publish(event));
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(rows.find(event.eventId()).orElseThrow().status()));
        assertThat(auditor.calls(event.eventId())).isEqualTo(1);
    }
}
