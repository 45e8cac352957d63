package com.labelmint.notifications.preference;

import java.util.Map;

/**
 * A person's notification settings: for every kind, every channel on or off; quiet hours (or {@code null}) in the
 * time zone of their profile, which is shown here and changed there.
 */
public record PreferencesView(String timezone, QuietHoursView quietHours, Map<String, Map<String, Boolean>> kinds) {
}
