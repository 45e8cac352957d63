package com.labelmint.notifications.delivery;

import com.labelmint.notifications.notice.NotificationKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notification on its way through one channel.
 *
 * @param deliveryId the (notification, channel) row: the same on every retry, usable as an idempotency key
 * @param language the person's language now ({@code en} or {@code ru})
 * @param params what the kind's templates read: names, amounts as strings, reasons
 */
public record OutgoingNotification(UUID deliveryId, UUID notificationId, UUID userId, NotificationKind kind,
                                   Map<String, Object> params, String language, Instant createdAt) {

    public OutgoingNotification {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
