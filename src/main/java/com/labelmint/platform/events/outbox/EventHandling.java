package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Decodes stored events and runs their listeners: what both transports do on the receiving side. */
@ApplicationScoped
public class EventHandling {

    private final EventCodec codec;
    private final ListenerDispatcher listeners;

    EventHandling(EventCodec codec, ListenerDispatcher listeners) {
        this.codec = codec;
        this.listeners = listeners;
    }

    public DeliveryOutcome handle(StoredEvent row) {
        return handleAll(List.of(row)).get(row.id());
    }

    /** Handles rows that arrived together, each listener taking all of them in one transaction (see {@link ListenerDispatcher#dispatchAll}). */
    public Map<UUID, DeliveryOutcome> handleAll(List<StoredEvent> rows) {
        Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
        Map<UUID, DomainEvent> readable = new LinkedHashMap<>();
        for (StoredEvent row : rows) {
            try {
                readable.put(row.id(), codec.fromStored(row));
            } catch (EventCodec.UndeliverableEventException e) {
                outcomes.put(row.id(), new DeliveryOutcome.Dead(e.getMessage()));
            }
        }
        Map<UUID, List<String>> failures = listeners.dispatchAll(List.copyOf(readable.values()));
        readable.forEach((rowId, event) -> {
            List<String> itsFailures = failures.get(event.eventId());
            outcomes.put(rowId, itsFailures.isEmpty() ? DeliveryOutcome.DELIVERED : new DeliveryOutcome.Retry(String.join("; ", itsFailures)));
        });
        return outcomes;
    }
}
