package com.labelmint.tasks.importing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's jobs alive in the database (a heartbeat), and fails the jobs of instances that stopped
 * beating: a job is processed where its body was spooled, so when that instance dies, only the client can start
 * it again (same request, same Idempotency-Key).
 */
@ApplicationScoped
class ImportLiveness {

    private static final Logger LOG = Logger.getLogger(ImportLiveness.class);

    private final ImportWorker worker;
    private final ImportJobs jobs;
    private final ImportConfig config;

    ImportLiveness(ImportWorker worker, ImportJobs jobs, ImportConfig config) {
        this.worker = worker;
        this.jobs = jobs;
        this.config = config;
    }

    @Scheduled(identity = "import-heartbeat", every = "${labelmint.import.heartbeat-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        Set<UUID> held = worker.held();
        if (!held.isEmpty()) {
            jobs.heartbeat(held);
        }
    }

    @Scheduled(identity = "import-sweeper", every = "${labelmint.import.heartbeat-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int failed = jobs.failStale(config.staleAfter(), ImportRun.INTERRUPTED);
        if (failed > 0) {
            LOG.warnf("Failed %d import job(s) whose instance stopped beating for %s", failed, config.staleAfter());
        }
    }
}
