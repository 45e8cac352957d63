package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/** Events to their stored JSON and back, by catalog type name, never by Java class name. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper json;
    private final EventTypeRegistry registry;

    EventCodec(ObjectMapper json, EventTypeRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    public String toJson(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getName(), e);
        }
    }

    /** Reads a stored event back; any problem is an {@link UndeliverableEventException}. */
    public DomainEvent fromStored(StoredEvent stored) {
        EventCatalog.Entry entry = registry.entryFor(stored.type(), stored.version())
                .orElseThrow(() -> new UndeliverableEventException(
                        "Unknown event type " + stored.type() + " v" + stored.version()));
        try {
            return json.readValue(stored.payload(), entry.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UndeliverableEventException("Unreadable " + stored.type() + " v" + stored.version()
                    + " payload: " + e.getMessage(), e);
        }
    }

    /** Thrown for a stored event that no retry can ever deliver. */
    public static class UndeliverableEventException extends RuntimeException {
        UndeliverableEventException(String message) {
            super(message);
        }

        UndeliverableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
