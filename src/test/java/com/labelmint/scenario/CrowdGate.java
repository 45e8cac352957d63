package com.labelmint.scenario;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the crowd go on labeling, or holds each labeler before their next step (a break, as people take): the chaos
 * holds the crowd while a kill is due and no instance can be spared, so that a slow restart on a loaded machine
 * does not let the labeling end before the kills are made.
 */
final class CrowdGate {

    private static final long RECHECK_MILLIS = 200;

    private boolean open = true;

    synchronized void hold() {
        open = false;
    }

    synchronized void release() {
        open = true;
        notifyAll();
    }

    /** Returns at once when open, else once released or the day is {@code done}. */
    synchronized void pass(AtomicBoolean done) {
        while (!open && !done.get()) {
            try {
                wait(RECHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScenarioFailure("Interrupted while the crowd was held", e);
            }
        }
    }
}
