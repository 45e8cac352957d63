package com.labelmint.platform.events.outbox;

import com.labelmint.platform.concurrent.DaemonThreads;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The instance's connections to RabbitMQ in broker mode, made at start-up (in the background, so an instance starts
 * and serves without its broker) and closed at shutdown. An in-process instance never connects.
 *
 * <p>Two connections, one to publish on and one to consume from: RabbitMQ slows a publishing connection down when it
 * runs short of memory or disk, and consumers on that connection would then stop acknowledging the very messages whose
 * removal ends the alarm.
 *
 * <p>The consuming connection declares the topology on the first consumer's channel, which stays open: amqp-client
 * re-declares what was declared on a channel it recovers, so a broker that lost its data gets the exchange, the
 * queue and the binding back before the consumers resume.
 */
@ApplicationScoped
public class RabbitMqBroker {

    private final EventsConfig events;
    private final RabbitMqConfig config;
    private final RabbitMqEventConsumer consumer;
    private ScheduledExecutorService connecting;
    private ExecutorService consumerThreads;
    private BrokerConnection publishing;
    private BrokerConnection consuming;

    RabbitMqBroker(EventsConfig events, RabbitMqConfig config, RabbitMqEventConsumer consumer) {
        this.events = events;
        this.config = config;
        this.consumer = consumer;
    }

    void connect(@Observes StartupEvent startup) throws NoSuchAlgorithmException {
        if (events.transport() != EventsConfig.Transport.RABBITMQ) {
            return;
        }
        connecting = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rabbitmq-connect"));
        // amqp-client runs each channel's deliveries one at a time on these threads: one per consumer
        consumerThreads = Executors.newFixedThreadPool(events.rabbitmq().consumers(), DaemonThreads.named("rabbitmq-event-consumer"));
        publishing = BrokerConnection.open(factory(), "labelmint-publish", connection -> { }, connecting,
                config.reconnectInterval());
        ConnectionFactory consumingFactory = factory();
        consumingFactory.setSharedExecutor(consumerThreads);
        consuming = BrokerConnection.open(consumingFactory, "labelmint-consume", this::declareAndSubscribe, connecting,
                config.reconnectInterval());
    }

    /** The publishing connection, once made; empty in-process and while the broker has never been reached. */
    Optional<Connection> publishing() {
        return publishing == null ? Optional.empty() : publishing.current();
    }

    void disconnect(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (consuming == null) {
            return;
        }
        consumer.unsubscribe();
        consuming.close();
        publishing.close();
        connecting.shutdownNow();
        consumerThreads.shutdown();
        consumerThreads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void declareAndSubscribe(Connection connection) throws IOException {
        Channel topology = connection.createChannel();
        EventTopology.declare(topology, events.rabbitmq());
        consumer.subscribe(connection, topology, connecting, config.reconnectInterval());
    }

    private ConnectionFactory factory() throws NoSuchAlgorithmException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        if (config.tls()) {
            factory.useSslProtocol(SSLContext.getDefault());
            factory.enableHostnameVerification();
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(config.reconnectInterval().toMillis());
        return factory;
    }
}
