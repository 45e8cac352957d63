package com.labelmint.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery as admins see it: whose notification, which channel, its state, how many attempts and the last error. */
public record DeliveryView(UUID id, UUID notificationId, UUID userId, String kind, String channel, String status, int attempts,
                           String lastError, Instant createdAt, Instant nextAttemptAt) {
}
