package com.labelmint.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private final ZoneId moscow = ZoneId.of("Europe/Moscow");

    @Test
    void hoursThatSpanMidnightCoverBothEnds() {
        assertThat(overnight.covers(LocalTime.of(23, 30))).isTrue();
        assertThat(overnight.covers(LocalTime.of(6, 59))).isTrue();
        assertThat(overnight.covers(LocalTime.of(7, 0))).isFalse();
        assertThat(overnight.covers(LocalTime.of(12, 0))).isFalse();
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(afternoon.covers(LocalTime.of(14, 0))).isTrue();
        assertThat(afternoon.covers(LocalTime.of(22, 0))).isFalse();
    }

    @Test
    void aDeliveryDuringQuietHoursWaitsForTheirEndInThePersonsZone() {
        // 20:30 UTC is 23:30 in Moscow (UTC+3): quiet until 07:00 Moscow, 04:00 UTC the next day
        assertThat(overnight.nextAllowed(Instant.parse("2026-11-26T20:30:00Z"), moscow)).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        // 02:00 UTC is 05:00 in Moscow: the same morning's 07:00
        assertThat(overnight.nextAllowed(Instant.parse("2026-11-27T02:00:00Z"), moscow)).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        Instant noon = Instant.parse("2026-11-27T09:00:00Z");
        assertThat(overnight.nextAllowed(noon, moscow)).isEqualTo(noon);
    }
}
