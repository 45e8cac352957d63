package com.labelmint.platform.events.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Claims due outbox rows under row locks, hands them to the transport and records each outcome,
 * all in one transaction: the locks are held until the outcome is written, so two relays (threads
 * or instances) never deliver the same row at the same time, and a relay that dies mid-way simply
 * releases its locks with its connection.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxStore outbox;
    private final EventTransport transport;
    private final OutcomeRecorder outcomes;
    private final Counter delivered;

    OutboxRelay(OutboxStore outbox, EventTransport transport, OutcomeRecorder outcomes, MeterRegistry meters) {
        this.outbox = outbox;
        this.transport = transport;
        this.outcomes = outcomes;
        this.delivered = meters.counter("labelmint.events.relayed");
    }

    /** Relays the given rows if they are still due and no other relay holds them. */
    public int relay(Collection<UUID> ids) {
        List<UUID> copy = new ArrayList<>(ids);
        return relayClaimed(() -> outbox.claim(copy));
    }

    /** Relays up to {@code limit} due rows, oldest first. */
    public int relayDue(int limit) {
        return relayClaimed(() -> outbox.claimDue(limit));
    }

    private int relayClaimed(Supplier<List<StoredEvent>> claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<StoredEvent> rows = claim.get();
            if (rows.isEmpty()) {
                return 0;
            }
            Map<UUID, DeliveryOutcome> results = transport.deliver(rows);
            outcomes.record(rows, results);
            delivered.increment(rows.size());
            return rows.size();
        });
    }
}
