package com.labelmint.platform.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Delivers the relay's batch straight to this application's listeners. */
public class InProcessTransport implements EventTransport {

    private final EventHandling handling;

    InProcessTransport(EventHandling handling) {
        this.handling = handling;
    }

    @Override
    public Map<UUID, DeliveryOutcome> deliver(List<StoredEvent> rows) {
        return handling.handleAll(rows);
    }
}
