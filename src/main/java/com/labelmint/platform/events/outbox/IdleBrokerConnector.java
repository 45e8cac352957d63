package com.labelmint.platform.events.outbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Stands in for the broker while events are delivered in-process: its incoming side never emits
 * and its outgoing side refuses every message. SmallRye wires channels at build time, so they
 * cannot be switched off at run time; pointing them here instead keeps an in-process instance
 * from ever connecting to (or depending on) RabbitMQ.
 */
@ApplicationScoped
@Connector(IdleBrokerConnector.NAME)
public class IdleBrokerConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "labelmint-idle";

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().nothing();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new MultiSubscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onItem(Message<?> message) {
                message.nack(new IllegalStateException("No event broker: labelmint.events.transport is in-process"));
            }

            @Override
            public void onFailure(Throwable failure) {
            }

            @Override
            public void onCompletion() {
            }
        };
    }
}
