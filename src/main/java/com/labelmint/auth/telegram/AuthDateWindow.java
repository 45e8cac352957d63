package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * How recent a signed {@code auth_date} must be. A valid signature never expires by itself, so
 * without this a leaked initData or login link would work forever.
 */
public final class AuthDateWindow {

    /** Telegram's own advice for initData; login links get the same unless a caller asks for less. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    /** Phones' clocks are often a little ahead; more than this is not drift. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    /** Unix seconds; twelve digits reach far beyond any real date and keep Instant in range. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private AuthDateWindow() {
    }

    static Instant parse(String authDate) {
        if (authDate == null || !UNIX_SECONDS.matcher(authDate).matches()) {
            throw new TelegramAuthException(Reason.MALFORMED, "Telegram data has no valid auth_date");
        }
        return Instant.ofEpochSecond(Long.parseLong(authDate));
    }

    static void check(Instant authDate, Duration maxAge, Instant now) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
        // Durations between the two instants, not now ± maxAge: a huge maxAge must not overflow Instant.
        if (Duration.between(now, authDate).compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new TelegramAuthException(Reason.FUTURE, "Telegram data is signed in the future");
        }
        if (Duration.between(authDate, now).compareTo(maxAge) > 0) {
            throw new TelegramAuthException(Reason.STALE, "Telegram data is older than " + maxAge);
        }
    }
}
