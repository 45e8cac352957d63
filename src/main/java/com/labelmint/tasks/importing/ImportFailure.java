package com.labelmint.tasks.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a job failed. Only the retryable ones let the same request, with the same Idempotency-Key, run again. */
public enum ImportFailure {
    /** The instance running the job stopped or lost touch with the database. */
    INTERRUPTED(true),
    /** Something went wrong on our side; the log has the error id named in the detail. */
    INTERNAL(true),
    /** {@code atomic=true} and at least one line was bad: nothing was imported, the errors say why. */
    ATOMIC_REJECTED(false),
    /** The project was completed, archived or deleted before the job ran. */
    PROJECT_CLOSED(false),
    /** The CSV header no longer fits the project's schema (a draft's schema changed while the job waited). */
    INVALID_CSV_HEADER(false);

    private final boolean retryable;

    ImportFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ImportFailure fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
