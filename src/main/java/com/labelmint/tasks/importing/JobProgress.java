package com.labelmint.tasks.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes a running job's progress (and so its heartbeat) about once a second, each time in a short transaction
 * of its own: the import's transaction stays open until the end, and nothing it writes is visible before.
 */
final class JobProgress implements ItemPass.Progress {

    private static final long EVERY_NANOS = 1_000_000_000L;

    private final ImportJobs jobs;
    private final ImportJob job;
    private long lastWrite = System.nanoTime();

    JobProgress(ImportJobs jobs, ImportJob job) {
        this.jobs = jobs;
        this.job = job;
    }

    @Override
    public void reached(int line) {
        long now = System.nanoTime();
        if (now - lastWrite >= EVERY_NANOS) {
            lastWrite = now;
            QuarkusTransaction.requiringNew().run(() -> jobs.progress(job.id(), job.attempt(), line));
        }
    }
}
