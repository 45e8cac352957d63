package com.labelmint.platform.events;

import com.labelmint.testing.process.TestBroker;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Events through the machine's real RabbitMQ, on an exchange and queue of this test run's own, so that other runs
 * sharing the broker never see (or consume) these events. {@link RabbitMqEventBusTest} deletes both when it is done.
 */
public class RabbitMqTransportProfile implements QuarkusTestProfile {

    static final TestBroker BROKER = TestBroker.forRun("event-bus-test");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "labelmint.events.transport", "rabbitmq",
                "labelmint.events.rabbitmq.exchange", BROKER.exchange(),
                "labelmint.events.rabbitmq.queue", BROKER.queue());
    }
}
