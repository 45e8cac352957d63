package com.labelmint.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a module publishes about a state change it committed.
 *
 * <p>Events are immutable records in the publishing module's {@code api} package. Their JSON form
 * is their contract: add fields freely, but a change that breaks readers needs a new version in
 * the module's {@link EventCatalog}.
 */
public interface DomainEvent {

    /** Unique per event; listeners use it to handle a redelivered event only once. */
    UUID eventId();

    /** When the change happened, not when it was delivered. */
    Instant occurredAt();
}
