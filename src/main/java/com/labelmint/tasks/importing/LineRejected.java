package com.labelmint.tasks.importing;

/** A line that cannot be imported, and why (the message is what the client reads). Thrown often: no stack trace. */
final class LineRejected extends Exception {

    LineRejected(String reason) {
        super(reason, null, false, false);
    }
}
