package com.labelmint.notifications.preference;

import java.util.Map;

/**
 * The whole of a person's settings, replacing what they had: channels not named have their default (on, but e-mail and
 * Telegram of the per-answer kinds: {@code NotificationKind.onByDefault}), no quiet hours when
 * {@code quietHours} is absent. Example: {@code {"quietHours": {"start": "22:00", "end": "07:00"},
 * "kinds": {"task-available": {"email": false}}}}.
 */
public record PreferencesUpdate(QuietHoursView quietHours, Map<String, Map<String, Boolean>> kinds) {
}
