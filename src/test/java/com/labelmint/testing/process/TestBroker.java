package com.labelmint.testing.process;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * An exchange and a queue on the machine's RabbitMQ named for one test run only, so that other runs
 * sharing the broker never see (or consume) its events. The instances declare both at start-up, as
 * in production (durable, shared by the instances as competing consumers); {@link #close()} deletes
 * them. The broker is {@code labelmint.test.rabbitmq.host}:{@code labelmint.test.rabbitmq.port}
 * (default 127.0.0.1:5672), guest/guest. Plain AMQP client: the management API may be off.
 */
public final class TestBroker implements AutoCloseable {

    private final String host;
    private final int port;
    private final String exchange;
    private final String queue;

    private TestBroker(String host, int port, String exchange, String queue) {
        this.host = host;
        this.port = port;
        this.exchange = exchange;
        this.queue = queue;
    }

    /** Names of this run's own; nothing is declared until an instance starts. */
    public static TestBroker forRun(String purpose) {
        return forRun(purpose, System.getProperty("labelmint.test.rabbitmq.host", "127.0.0.1"),
                Integer.getInteger("labelmint.test.rabbitmq.port", 5672));
    }

    /** The same, on a broker of the test's own ({@link PrivateRabbitMq}). */
    static TestBroker forRun(String purpose, String host, int port) {
        String names = "labelmint.events.it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TestBroker(host, port, names, names);
    }

    /** What an instance needs to send and consume its events through this exchange and queue. */
    public Map<String, String> instanceEnvironment() {
        return Map.of(
                "LABELMINT_EVENTS_TRANSPORT", "rabbitmq",
                "LABELMINT_EVENTS_RABBITMQ_EXCHANGE", exchange,
                "LABELMINT_EVENTS_RABBITMQ_QUEUE", queue,
                "LABELMINT_RABBITMQ_HOST", host,
                "LABELMINT_RABBITMQ_PORT", Integer.toString(port));
    }

    public String exchange() {
        return exchange;
    }

    public String queue() {
        return queue;
    }

    /** Messages waiting in the queue (not counting those delivered and not yet acknowledged), and its consumers. */
    public QueueState queueState() {
        return onChannel(channel -> {
            AMQP.Queue.DeclareOk state = channel.queueDeclarePassive(queue);
            return new QueueState(state.getMessageCount(), state.getConsumerCount());
        });
    }

    public record QueueState(int ready, int consumers) {
    }

    /** Deletes the queue under whoever consumes from it, as an operator might; the broker cancels its consumers. */
    public void deleteQueue() {
        onChannel(channel -> channel.queueDelete(queue));
    }

    /** Deletes the queue and the exchange; every instance using them should be stopped already. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ChannelWork<?> delete : List.<ChannelWork<?>>of(channel -> channel.queueDelete(queue),
                channel -> channel.exchangeDelete(exchange))) {
            try {
                onChannel(delete);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @FunctionalInterface
    private interface ChannelWork<T> {
        T on(Channel channel) throws IOException;
    }

    private <T> T onChannel(ChannelWork<T> work) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(5000);
        try (Connection connection = factory.newConnection("labelmint-it"); Channel channel = connection.createChannel()) {
            return work.on(channel);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("RabbitMQ " + host + ":" + port + " (queue " + queue + "): " + e, e);
        }
    }

    @Override
    public String toString() {
        return "exchange and queue " + queue + " on " + host + ":" + port;
    }
}
