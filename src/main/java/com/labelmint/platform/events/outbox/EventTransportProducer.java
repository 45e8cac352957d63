package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses the transport from {@code labelmint.events.transport} at start-up. The same setting decides whether
 * {@link RabbitMqBroker} connects (and starts the consumers), so both sides always agree.
 */
@ApplicationScoped
public class EventTransportProducer {

    private static final Logger LOG = Logger.getLogger(EventTransportProducer.class);

    @Produces
    @ApplicationScoped
    EventTransport transport(EventsConfig config, EventHandling handling, Instance<RabbitMqTransport> broker) {
        if (config.transport() == EventsConfig.Transport.RABBITMQ) {
            LOG.info("Events travel through RabbitMQ");
            return broker.get();
        }
        LOG.info("Events are delivered in-process");
        return new InProcessTransport(handling);
    }
}
