package com.labelmint.tasks.importing;

/** What a finished run leaves on its job: how far it read, what it imported, and the lines it refused. */
record ImportOutcome(long linesDone, long itemsImported, long goldImported, LineErrors errors) {

    static ImportOutcome nothing() {
        return new ImportOutcome(0, 0, 0, new LineErrors(0));
    }
}
