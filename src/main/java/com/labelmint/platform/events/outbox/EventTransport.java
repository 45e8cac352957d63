package com.labelmint.platform.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Takes claimed outbox rows to their listeners, here or through a broker. */
public interface EventTransport {

    /** Returns an outcome for every row it was given. */
    Map<UUID, DeliveryOutcome> deliver(List<StoredEvent> rows);
}
