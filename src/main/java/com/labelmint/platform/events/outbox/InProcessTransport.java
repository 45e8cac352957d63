package com.labelmint.platform.events.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Delivers each row straight to this application's listeners. */
public class InProcessTransport implements EventTransport {

    private final EventHandling handling;

    InProcessTransport(EventHandling handling) {
        this.handling = handling;
    }

    @Override
    public Map<UUID, DeliveryOutcome> deliver(List<StoredEvent> rows) {
        Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
        for (StoredEvent row : rows) {
            outcomes.put(row.id(), handling.handle(row));
        }
        return outcomes;
    }
}
