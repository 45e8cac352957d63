package com.labelmint.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A test event; {@code scenario} tells the test listeners how to behave. */
public record SampleHappened(UUID eventId, Instant occurredAt, String scenario) implements DomainEvent {

    public static SampleHappened of(String scenario) {
        return new SampleHappened(UUID.randomUUID(), Instant.now(), scenario);
    }
}
