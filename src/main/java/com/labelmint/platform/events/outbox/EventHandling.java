package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Decodes a stored event and runs its listeners: what both transports do on the receiving side. */
@ApplicationScoped
public class EventHandling {

    private final EventCodec codec;
    private final ListenerDispatcher listeners;

    EventHandling(EventCodec codec, ListenerDispatcher listeners) {
        this.codec = codec;
        this.listeners = listeners;
    }

    public DeliveryOutcome handle(StoredEvent row) {
        DomainEvent event;
        try {
            event = codec.fromStored(row);
        } catch (EventCodec.UndeliverableEventException e) {
            return new DeliveryOutcome.Dead(e.getMessage());
        }
        List<String> failures = listeners.dispatch(event);
        return failures.isEmpty() ? DeliveryOutcome.DELIVERED : new DeliveryOutcome.Retry(String.join("; ", failures));
    }
}
