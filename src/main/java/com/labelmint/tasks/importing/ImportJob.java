package com.labelmint.tasks.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import, as stored and as clients see it. Progress is {@code linesDone} of {@code totalLines} (physical
 * lines of the body); {@code errors} holds the first {@code errors.size()} of {@code errorCount} line errors by
 * line number, {@code errorsOmitted} the rest.
 *
 * @param attempt 1, plus one for each time an interrupted job was sent again under its Idempotency-Key
 * @param failure why the job failed, when it did
 */
public record ImportJob(UUID id, UUID projectId, UUID requestedBy, String idempotencyKey, @JsonIgnore byte[] fingerprint,
                        ImportFormat format, boolean atomic, long bodyBytes, ImportStatus status, int attempt,
                        long totalLines, long linesDone, long itemsImported, long goldImported, long errorCount,
                        List<LineError> errors, Failure failure, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public record Failure(ImportFailure code, String detail) {
    }

    @JsonProperty
    public long errorsOmitted() {
        return errorCount - errors.size();
    }

    boolean mayRunAgain() {
        return status == ImportStatus.FAILED && failure.code().retryable();
    }
}
