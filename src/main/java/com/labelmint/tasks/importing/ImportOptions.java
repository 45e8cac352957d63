package com.labelmint.tasks.importing;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.idempotency.IdempotencyKeys;
import java.time.Duration;
import java.util.Locale;

/**
 * What an import request asks for besides its body: the format (Content-Type), all-or-nothing ({@code atomic}),
 * deduplication ({@code Idempotency-Key}, null for none) and how long to wait for the job to finish ({@code wait}).
 */
record ImportOptions(ImportFormat format, boolean atomic, String idempotencyKey, Duration waitForFinish) {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    static ImportOptions parse(String contentType, String atomic, String idempotencyKey, String wait) {
        ImportFormat format = ImportFormat.ofContentType(contentType);
        return new ImportOptions(format, flag(atomic), IdempotencyKeys.optional(idempotencyKey), seconds(wait));
    }

    private static boolean flag(String atomic) {
        if (atomic == null) {
            return false;
        }
        switch (atomic.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw ProblemException.badRequest("invalid-parameter", "atomic is true or false, not '" + Reasons.shorten(atomic) + "'");
        }
    }

    private static Duration seconds(String wait) {
        if (wait == null) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(wait);
            if (seconds >= 0 && seconds <= LONGEST_WAIT.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below, like any other value out of range
        }
        throw ProblemException.badRequest("invalid-parameter",
                "wait is a whole number of seconds from 0 to " + LONGEST_WAIT.toSeconds() + ", not '" + Reasons.shorten(wait) + "'");
    }
}
