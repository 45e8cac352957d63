package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Hands outbox rows to RabbitMQ and waits for the broker's publisher confirms: a row counts as handed over only once
 * the broker has taken responsibility for it. Messages are mandatory: one that no queue would take (the consumers'
 * queue not declared yet, a binding gone) comes back and its row is retried, instead of being confirmed and lost
 * until its sent-timeout.
 *
 * <p>Each call publishes on a channel of its own: a channel is not safe for the relay's threads to share, and opening
 * one on an open connection is a round trip on loopback, small beside a batch's confirms.
 */
@ApplicationScoped
@Typed(RabbitMqTransport.class) // the producer decides which transport is the EventTransport
public class RabbitMqTransport implements EventTransport {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    private static final int PERSISTENT = 2; // survives a broker restart
    private static final String BROKER_AWAY = "Broker away: waiting for the connection to come back";

    private final RabbitMqBroker broker;
    private final ObjectMapper json;
    private final String exchange;

    RabbitMqTransport(RabbitMqBroker broker, ObjectMapper json, EventsConfig config) {
        this.broker = broker;
        this.json = json;
        this.exchange = config.rabbitmq().exchange();
    }

    @Override
    public Map<UUID, DeliveryOutcome> deliver(List<StoredEvent> rows) {
        Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
        Map<UUID, byte[]> messages = new HashMap<>();
        for (StoredEvent row : rows) {
            try {
                messages.put(row.id(), envelope(row));
            } catch (JsonProcessingException e) {
                outcomes.put(row.id(), new DeliveryOutcome.Dead("Stored payload is not JSON: " + e.getMessage()));
            }
        }
        Optional<Connection> connection = broker.publishing().filter(Connection::isOpen);
        if (connection.isEmpty()) {
            messages.keySet().forEach(id -> outcomes.put(id, new DeliveryOutcome.Postponed(BROKER_AWAY)));
            return outcomes;
        }
        Set<String> returned = ConcurrentHashMap.newKeySet();
        try (Channel channel = connection.get().createChannel()) {
            channel.addReturnListener(message -> returned.add(message.getProperties().getMessageId()));
            channel.confirmSelect();
            for (StoredEvent row : rows) {
                if (messages.containsKey(row.id())) {
                    channel.basicPublish(exchange, row.type(), true, properties(row), messages.get(row.id()));
                }
            }
            boolean allTaken = channel.waitForConfirms(CONFIRM_TIMEOUT.toMillis());
            messages.keySet().forEach(id -> outcomes.put(id, !allTaken
                    ? new DeliveryOutcome.Retry("The broker refused the batch (negative confirm)")
                    : returned.contains(id.toString())
                    ? new DeliveryOutcome.Retry("No queue took the message: is the consumers' queue bound to " + exchange + "?")
                    : DeliveryOutcome.HANDED_TO_BROKER));
        } catch (TimeoutException e) {
            messages.keySet().forEach(id -> outcomes.put(id, new DeliveryOutcome.Retry("Broker did not confirm within " + CONFIRM_TIMEOUT)));
        } catch (IOException | RuntimeException e) {
            // the connection went while publishing (the broker stopped): nothing wrong with these events either
            DeliveryOutcome outcome = connection.get().isOpen() ? new DeliveryOutcome.Retry("Publishing failed: " + e)
                    : new DeliveryOutcome.Postponed(BROKER_AWAY);
            messages.keySet().forEach(id -> outcomes.put(id, outcome));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            messages.keySet().forEach(id -> outcomes.put(id, new DeliveryOutcome.Retry("Interrupted while waiting for the broker")));
        }
        return outcomes;
    }

    private byte[] envelope(StoredEvent row) throws JsonProcessingException {
        BrokerEnvelope envelope = new BrokerEnvelope(row.id(), row.type(), row.version(), row.attempts(),
                json.readTree(row.payload()));
        return json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private static AMQP.BasicProperties properties(StoredEvent row) {
        return new AMQP.BasicProperties.Builder()
                .messageId(row.id().toString())
                .contentType(BrokerEnvelope.CONTENT_TYPE)
                .deliveryMode(PERSISTENT)
                .build();
    }
}
