package com.labelmint.platform.events;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * Events through the machine's real RabbitMQ, on an exchange and queue of this test run's own, so
 * that other runs sharing the broker never see (or consume) these events. Both go away with the run.
 */
public class RabbitMqTransportProfile implements QuarkusTestProfile {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "labelmint.events.transport", "rabbitmq",
                "labelmint.events.rabbitmq.exchange", "labelmint.events.test-" + RUN,
                "labelmint.events.rabbitmq.queue", "labelmint.events.test-" + RUN,
                "mp.messaging.outgoing.labelmint-events-out.exchange.auto-delete", "true",
                "mp.messaging.incoming.labelmint-events-in.exchange.auto-delete", "true",
                "mp.messaging.incoming.labelmint-events-in.queue.auto-delete", "true",
                "mp.messaging.incoming.labelmint-events-in.queue.durable", "false");
    }
}
