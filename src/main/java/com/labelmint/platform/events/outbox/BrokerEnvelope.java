package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** An outbox row as it travels through the broker: the stored event and how often it was tried. */
public record BrokerEnvelope(UUID id, String type, int version, int attempts, JsonNode payload) {

    public static final String CONTENT_TYPE = "application/vnd.labelmint.event+json";

    StoredEvent toStored() {
        return new StoredEvent(id, type, version, payload.toString(), attempts);
    }
}
