package com.labelmint.platform.events.outbox;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The broker's side of the event bus: a durable topic exchange, one durable queue that every instance consumes from
 * as a competing consumer, and a binding of every event type. Declaring is idempotent, so each instance declares it
 * at start-up and again whenever it finds it gone.
 */
final class EventTopology {

    private static final String ALL_EVENT_TYPES = "#";

    private EventTopology() {
    }

    static void declare(Channel channel, EventsConfig.Rabbitmq names) throws IOException {
        channel.exchangeDeclare(names.exchange(), BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(names.queue(), true, false, false, Map.of());
        channel.queueBind(names.queue(), names.exchange(), ALL_EVENT_TYPES);
    }
}
