package com.labelmint.consensus.fraud;

/** What gives a labeler away, as {@code LabelerFlagged} and admins name it. */
enum Signal {
    FAILED_GOLD_STREAK("failed-gold-streak"),
    CONSTANT_ANSWERS("constant-answers"),
    TOO_FAST("too-fast");

    private final String wireName;

    Signal(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
