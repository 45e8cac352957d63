package com.labelmint.notifications.preference;

import com.labelmint.platform.error.ProblemException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Quiet hours as clients write them: local times {@code "22:00"} to {@code "07:00"}. */
public record QuietHoursView(String start, String end) {

    static QuietHoursView of(QuietHours hours) {
        return new QuietHoursView(hours.starts().toString(), hours.ends().toString());
    }

    QuietHours parsed() {
        LocalTime starts = time("start", start);
        LocalTime ends = time("end", end);
        if (starts.equals(ends)) {
            throw ProblemException.badRequest("bad-quiet-hours", "Quiet hours must start and end at different times");
        }
        return new QuietHours(starts, ends);
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            throw ProblemException.badRequest("bad-quiet-hours", "quietHours." + field + " must be a local time HH:mm, not " + value);
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-quiet-hours", "quietHours." + field + " is no time of day: " + value);
        }
    }
}
