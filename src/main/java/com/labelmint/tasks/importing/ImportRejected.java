package com.labelmint.tasks.importing;

/** A job that cannot succeed, for a reason the client must hear: it rolls back and is failed with {@code failure}. */
final class ImportRejected extends RuntimeException {

    private final ImportFailure failure;
    private final transient ImportOutcome outcome;

    ImportRejected(ImportFailure failure, String detail, ImportOutcome outcome) {
        super(detail, null, false, false);
        this.failure = failure;
        this.outcome = outcome;
    }

    ImportFailure failure() {
        return failure;
    }

    /** How far the job got before it was rejected: its line errors explain an atomic rejection. */
    ImportOutcome outcome() {
        return outcome;
    }
}
