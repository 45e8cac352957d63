package com.labelmint.platform.events.process;

import java.util.Map;

/**
 * Two relaying instances on one database, events delivered in-process: the row locks of the outbox
 * keep the two relays from delivering an event twice.
 */
class OutboxTwoInstancesIT extends TwoRelayingInstances {

    @Override
    String name() {
        return "two-instances";
    }

    @Override
    Map<String, String> transportEnvironment() {
        return Map.of("LABELMINT_EVENTS_TRANSPORT", "in-process");
    }
}
