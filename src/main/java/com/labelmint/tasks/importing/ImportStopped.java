package com.labelmint.tasks.importing;

/** The instance is stopping: the running import gives up, rolls back, and is failed as interrupted. */
final class ImportStopped extends RuntimeException {

    ImportStopped() {
        super("The instance is stopping", null, false, false);
    }
}
