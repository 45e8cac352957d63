package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.log.ThrottledWarning;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The receiving side of the broker transport: runs the listeners of each event (inbox-guarded, exactly as in-process
 * delivery does) and records the outcome on the event's outbox row.
 *
 * <p>Each of {@code labelmint.events.rabbitmq.consumers} consumers has a channel of its own, and amqp-client hands a
 * channel's deliveries over one at a time, so that many events are handled at once. A message is acknowledged once
 * its outcome is recorded. If recording fails, the message is rejected (not requeued: the database is the likely
 * cause, and a requeued message would come straight back) and the row stays SENT; the relay sends it again after
 * {@code sent-timeout}, and the inbox keeps the listeners that already ran from running twice.
 */
@ApplicationScoped
public class RabbitMqEventConsumer {

    private static final Logger LOG = Logger.getLogger(RabbitMqEventConsumer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private final EventHandling handling;
    private final OutcomeRecorder outcomes;
    private final EventsConfig.Rabbitmq config;
    private final ThrottledWarning unrecorded = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private final ThrottledWarning notResubscribed = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private final List<EventMessages> subscribed = new CopyOnWriteArrayList<>();
    private final AtomicInteger inHand = new AtomicInteger();
    private volatile ScheduledExecutorService retries;
    private volatile Duration retryInterval;
    private volatile boolean stopping;

    RabbitMqEventConsumer(ObjectMapper json, EventHandling handling, OutcomeRecorder outcomes, EventsConfig config) {
        this.json = json;
        this.handling = handling;
        this.outcomes = outcomes;
        this.config = config.rabbitmq();
    }

    /**
     * Starts the consumers on a new connection, the first on the channel that declared the topology. amqp-client
     * re-subscribes them by itself when the connection recovers from an outage; a consumer the broker cancels (its
     * queue was deleted) subscribes again by itself, every {@code retryInterval} until it succeeds, on {@code retries}.
     */
    void subscribe(Connection connection, Channel topology, ScheduledExecutorService retries, Duration retryInterval)
            throws IOException {
        this.retries = retries;
        this.retryInterval = retryInterval;
        for (int i = 0; i < config.consumers(); i++) {
            Channel channel = i == 0 ? topology : connection.createChannel();
            channel.basicQos(config.prefetch());
            EventMessages consumer = new EventMessages(channel);
            channel.basicConsume(config.queue(), false, consumer);
            subscribed.add(consumer);
        }
    }

    /** Stops taking messages and waits a little for those being handled, so that their outcomes are recorded. */
    void unsubscribe() {
        stopping = true;
        for (EventMessages consumer : subscribed) {
            consumer.cancel();
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (inHand.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Handles one message's event and records its outcome. */
    void consume(byte[] body) {
        StoredEvent row;
        try {
            row = json.readValue(body, BrokerEnvelope.class).toStored();
        } catch (IOException e) {
            LOG.errorf("Dropping a broker message that is not a LabelMint event envelope: %s", e.getMessage());
            return; // nothing in the outbox refers to it, so there is nothing to retry
        }
        DeliveryOutcome outcome = handling.handle(row);
        QuarkusTransaction.requiringNew().run(() -> outcomes.record(List.of(row), Map.of(row.id(), outcome)));
    }

    /** One consumer: a channel's deliveries, handled one after the other. */
    private final class EventMessages extends DefaultConsumer {

        EventMessages(Channel channel) {
            super(channel);
        }

        /**
         * Never throws: amqp-client would close the channel. A delivery tag of a channel that was recovered since is
         * ignored by amqp-client, so a late acknowledgement cannot settle another message.
         */
        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            inHand.incrementAndGet();
            try {
                consume(body);
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            } catch (IOException | RuntimeException e) {
                unrecorded.warn("A broker message was not handled; its event is sent again after the sent-timeout",
                        e.toString());
                reject(envelope.getDeliveryTag());
            } finally {
                inHand.decrementAndGet();
            }
        }

        private void reject(long deliveryTag) {
            try {
                getChannel().basicReject(deliveryTag, false);
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Rejecting a message failed; the broker redelivers it when the channel closes");
            }
        }

        /**
         * The broker cancelled this consumer, most likely because its queue was deleted. amqp-client's recovery
         * covers a lost connection, not this: declare the topology again and consume anew on the same channel.
         */
        @Override
        public void handleCancel(String consumerTag) {
            if (stopping) {
                return; // the instance is shutting down: its retry executor is gone, and nothing is to be consumed
            }
            LOG.warnf("RabbitMQ cancelled event consumer %s (was queue %s deleted?): declaring it again and resubscribing",
                    consumerTag, config.queue());
            retries.execute(this::resubscribe);
        }

        private void resubscribe() {
            if (stopping) {
                return;
            }
            try {
                EventTopology.declare(getChannel(), config);
                getChannel().basicConsume(config.queue(), false, this);
                LOG.infof("Event consumer resubscribed to queue %s", config.queue());
            } catch (IOException | RuntimeException e) {
                notResubscribed.warn("Resubscribing an event consumer failed, trying again every "
                        + retryInterval.toSeconds() + " s", e.toString());
                retries.schedule(this::resubscribe, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        void cancel() {
            String tag = getConsumerTag();
            if (tag == null) {
                return;
            }
            try {
                getChannel().basicCancel(tag);
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Cancelling consumer %s failed; closing the connection ends it", tag);
            }
        }
    }
}
