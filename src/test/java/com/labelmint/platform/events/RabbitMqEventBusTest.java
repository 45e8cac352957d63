package com.labelmint.platform.events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;

/**
 * Every guarantee of {@link EventBusTest}, with events travelling through RabbitMQ: the relay hands
 * rows to the broker, the consumer runs the listeners and records the outcome.
 */
@QuarkusTest
@TestProfile(RabbitMqTransportProfile.class)
class RabbitMqEventBusTest extends EventBusTest {

    @AfterAll
    static void deleteTheRunsExchangeAndQueue() {
        RabbitMqTransportProfile.BROKER.close();
    }
}
