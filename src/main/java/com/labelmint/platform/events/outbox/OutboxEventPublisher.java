package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.AfterCommit;
import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.events.EventCatalog;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.events.NoActiveTransactionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes each event into the outbox of the caller's transaction and, after commit, nudges the relay. */
@ApplicationScoped
public class OutboxEventPublisher implements EventPublisher {

    private static final Object COMMITTED_EVENTS_KEY = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EventTypeRegistry types;
    private final EventCodec codec;
    private final OutboxStore outbox;
    private final RelayTrigger relayTrigger;
    private final Counter published;

    OutboxEventPublisher(TransactionSynchronizationRegistry transactions, EventTypeRegistry types, EventCodec codec,
                         OutboxStore outbox, RelayTrigger relayTrigger, MeterRegistry meters) {
        this.transactions = transactions;
        this.types = types;
        this.codec = codec;
        this.outbox = outbox;
        this.relayTrigger = relayTrigger;
        this.published = meters.counter("labelmint.events.published");
    }

    @Override
    public void publish(DomainEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new NoActiveTransactionException(event.getClass());
        }
        EventCatalog.Entry entry = types.entryFor(event.getClass());
        outbox.insert(event.eventId(), entry.type(), entry.version(), codec.toJson(event), event.occurredAt());
        eventsOfThisTransaction().add(event.eventId());
        published.increment();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> eventsOfThisTransaction() {
        List<UUID> ids = (List<UUID>) transactions.getResource(COMMITTED_EVENTS_KEY);
        if (ids == null) {
            List<UUID> newIds = new ArrayList<>();
            transactions.putResource(COMMITTED_EVENTS_KEY, newIds);
            AfterCommit.run(transactions, () -> relayTrigger.committed(newIds));
            ids = newIds;
        }
        return ids;
    }
}
