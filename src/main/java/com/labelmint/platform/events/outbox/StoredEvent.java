package com.labelmint.platform.events.outbox;

import java.util.UUID;

/** An outbox row as the relay and the transports see it: the event still in its JSON form. */
public record StoredEvent(UUID id, String type, int version, String payload, int attempts) {
}
