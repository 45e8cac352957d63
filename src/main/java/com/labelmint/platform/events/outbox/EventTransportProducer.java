package com.labelmint.platform.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the transport from {@code labelmint.events.transport} at start-up. */
@ApplicationScoped
public class EventTransportProducer {

    @Produces
    @ApplicationScoped
    EventTransport transport(EventsConfig config, EventHandling handling) {
        return switch (config.transport()) {
            case IN_PROCESS -> new InProcessTransport(handling);
            case RABBITMQ -> throw new IllegalStateException("rabbitmq transport: not wired yet");
        };
    }
}
