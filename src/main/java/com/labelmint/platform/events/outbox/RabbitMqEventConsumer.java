package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The receiving side of the broker transport: runs the listeners of each event (inbox-guarded,
 * exactly as in-process delivery does) and records the outcome on the event's outbox row.
 *
 * <p>The message is acknowledged once the outcome is recorded. If recording fails, the message is
 * rejected and the row stays SENT; the relay sends it again after {@code sent-timeout}, and the
 * inbox keeps the listeners that already ran from running twice.
 */
@ApplicationScoped
public class RabbitMqEventConsumer {

    static final String INCOMING = "labelmint-events-in";
    private static final Logger LOG = Logger.getLogger(RabbitMqEventConsumer.class);

    private final ObjectMapper json;
    private final EventHandling handling;
    private final OutcomeRecorder outcomes;

    RabbitMqEventConsumer(ObjectMapper json, EventHandling handling, OutcomeRecorder outcomes) {
        this.json = json;
        this.handling = handling;
        this.outcomes = outcomes;
    }

    /** Each handling needs database connections: a pool of its own keeps consumers from draining the pool. */
    @Incoming(INCOMING)
    @Blocking(value = "labelmint-event-consumers", ordered = false)
    public void consume(byte[] body) throws IOException {
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
}
