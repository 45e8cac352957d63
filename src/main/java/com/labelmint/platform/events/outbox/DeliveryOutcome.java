package com.labelmint.platform.events.outbox;

/** What became of one attempt to deliver an outbox row. */
public sealed interface DeliveryOutcome {

    /** Every listener has handled the event (now or on an earlier attempt). */
    record Delivered() implements DeliveryOutcome {
    }

    /** The broker confirmed the message; its consumer reports the final outcome. */
    record HandedToBroker() implements DeliveryOutcome {
    }

    /** Something failed that may work later: try again after a backoff. */
    record Retry(String error) implements DeliveryOutcome {
    }

    /**
     * The transport cannot take anything now (its broker is away): try again shortly, without using up an attempt.
     * An outage is not the event's failure; counted, an hour without the broker would park every event waiting.
     */
    record Postponed(String reason) implements DeliveryOutcome {
    }

    /** The row can never be delivered as it is (unknown type, unreadable payload). */
    record Dead(String error) implements DeliveryOutcome {
    }

    DeliveryOutcome DELIVERED = new Delivered();
    DeliveryOutcome HANDED_TO_BROKER = new HandedToBroker();
}
