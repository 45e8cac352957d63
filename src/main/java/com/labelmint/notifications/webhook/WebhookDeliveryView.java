package com.labelmint.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent to one endpoint, with every attempt.
 *
 * @param status {@code pending} (more attempts to come), {@code succeeded} or {@code failed}
 * @param redeliveryOf the delivery this one repeats, when a client asked for it again
 */
public record WebhookDeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts, Integer lastStatusCode,
                                  Instant createdAt, Instant nextAttemptAt, Instant completedAt, UUID redeliveryOf,
                                  List<Attempt> attemptLog) {

    /** One HTTP request: when, the status code answered ({@code null}: no answer), why it failed, how long it took. */
    public record Attempt(Instant attemptedAt, Integer statusCode, String error, int durationMs) {
    }
}
