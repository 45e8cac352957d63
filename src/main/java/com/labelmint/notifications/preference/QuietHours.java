package com.labelmint.notifications.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Local times between which a person wants no pushes; {@code starts} after {@code ends} spans midnight (22:00–07:00). */
public record QuietHours(LocalTime starts, LocalTime ends) {

    public boolean covers(LocalTime time) {
        return starts.isBefore(ends) ? !time.isBefore(starts) && time.isBefore(ends) : !time.isBefore(starts) || time.isBefore(ends);
    }

    /** {@code now} when it is outside quiet hours in {@code zone}; else the moment they end. */
    public Instant nextAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!covers(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime end = local.with(ends);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
