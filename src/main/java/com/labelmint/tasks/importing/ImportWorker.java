package com.labelmint.tasks.importing;

import com.labelmint.platform.concurrent.DaemonThreads;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs this instance's import jobs on {@code labelmint.import.workers} threads of its own; more jobs wait in
 * line (as queued). It knows which jobs it holds, for their heartbeat, and on shutdown it makes the running ones
 * give up, roll back and fail as interrupted, so that their clients may send them again elsewhere.
 */
@ApplicationScoped
class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final int SHUTDOWN_GRACE_SECONDS = 30;

    private final ImportRun run;
    private final Spooler spooler;
    private final ImportJobs jobs;
    private final ExecutorService threads;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ImportWorker(ImportRun run, Spooler spooler, ImportJobs jobs, ImportConfig config) {
        this.run = run;
        this.spooler = spooler;
        this.jobs = jobs;
        this.threads = Executors.newFixedThreadPool(config.workers(), DaemonThreads.named("labelmint-import"));
    }

    /** Takes the job and its spool file, which it deletes when the job ends. */
    void submit(ImportJob job, Spool spool) {
        held.add(job.id());
        try {
            threads.execute(() -> {
                try {
                    run.run(job, spool, () -> stopping);
                } finally {
                    held.remove(job.id());
                    spooler.discard(spool);
                }
            });
        } catch (RejectedExecutionException e) {
            held.remove(job.id());
            spooler.discard(spool);
            jobs.fail(job.id(), job.attempt(), ImportFailure.INTERRUPTED, ImportRun.INTERRUPTED, ImportOutcome.nothing());
        }
    }

    /** The jobs this instance holds, queued or running. */
    Set<UUID> held() {
        return Set.copyOf(held);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        threads.shutdown();
        if (!threads.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("Imports still running after %d s of shutdown; the sweeper will fail them as interrupted", SHUTDOWN_GRACE_SECONDS);
        }
    }
}
