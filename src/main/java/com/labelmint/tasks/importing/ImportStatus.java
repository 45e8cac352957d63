package com.labelmint.tasks.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job is: queued (spooled, waiting for a worker), running, or finished one way or the other. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
