package com.labelmint.notifications.inapp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A notification in the app's list: its kind, a title in the person's language, the parameters, and whether it was read. */
public record NotificationView(UUID id, String kind, String title, Map<String, Object> params, Instant createdAt, boolean read) {
}
