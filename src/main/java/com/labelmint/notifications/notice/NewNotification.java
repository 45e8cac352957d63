package com.labelmint.notifications.notice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notification to make.
 *
 * @param dedupKey what it is about, unique per person: the same key twice is one notification (an event redelivered,
 *                 a listener run twice)
 */
public record NewNotification(UUID userId, NotificationKind kind, Map<String, Object> params, String dedupKey) {

    public NewNotification {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The usual key: one notification of this kind per event and person. */
    public static NewNotification fromEvent(UUID eventId, UUID userId, NotificationKind kind, Map<String, Object> params) {
        return new NewNotification(userId, kind, params, kind.wireName() + ":" + eventId);
    }
}
