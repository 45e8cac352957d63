package com.labelmint.platform.events;

/**
 * Publishes domain events through the transactional outbox.
 *
 * <p>{@link #publish} must be called inside the transaction that changed the state the event
 * describes: the event is stored in that transaction, so it exists if and only if the change
 * committed. After commit it is delivered to every {@code @Observes} method of its type, each in
 * a transaction of its own, at least once; each listener's effect happens exactly once.
 */
public interface EventPublisher {

    /**
     * Stores the event in the current transaction's outbox.
     *
     * @throws NoActiveTransactionException when no transaction is active
     * @throws IllegalArgumentException when the event's class is in no module's {@link EventCatalog}
     */
    void publish(DomainEvent event);
}
