package com.labelmint.platform.events;

/** Thrown when an event is published outside a transaction, where it could be lost or orphaned. */
public class NoActiveTransactionException extends IllegalStateException {

    public NoActiveTransactionException(Class<?> eventType) {
        super("Publishing " + eventType.getSimpleName() + " needs an active transaction: "
                + "call EventPublisher.publish from a @Transactional method, in the transaction "
                + "that commits the change the event describes");
    }
}
