package com.labelmint.tasks.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/** Runs one job from queued to finished: its transaction, and the failure it records when that rolls back. */
@ApplicationScoped
class ImportRun {

    private static final Logger LOG = Logger.getLogger(ImportRun.class);
    static final String INTERRUPTED = "The instance running the import stopped before it finished; nothing was imported. "
            + "Send the same request again with the same Idempotency-Key.";

    private final ImportJobs jobs;
    private final ImportTransaction transaction;
    private final int timeoutSeconds;

    ImportRun(ImportJobs jobs, ImportTransaction transaction, ImportConfig config) {
        this.jobs = jobs;
        this.transaction = transaction;
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, config.transactionTimeout().toSeconds());
    }

    void run(ImportJob job, Spool spool, BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            fail(job, ImportFailure.INTERRUPTED, INTERRUPTED, ImportOutcome.nothing());
            return;
        }
        if (!jobs.start(job.id(), job.attempt())) {
            return; // swept or sent again while it waited: no longer this run's
        }
        try {
            JobProgress progress = new JobProgress(jobs, job);
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                    .call(() -> transaction.run(job, spool, stopping, progress));
        } catch (ImportRejected e) {
            fail(job, e.failure(), e.getMessage(), e.outcome());
        } catch (ImportStopped e) {
            fail(job, ImportFailure.INTERRUPTED, INTERRUPTED, ImportOutcome.nothing());
        } catch (ImportSuperseded e) {
            LOG.infof("Import %s (attempt %d) was failed or restarted while it ran; its work was rolled back", job.id(), job.attempt());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Import %s (attempt %d) failed, error id %s", job.id(), job.attempt(), errorId);
            fail(job, ImportFailure.INTERNAL, "The import failed on our side (error id " + errorId + "); nothing was imported. "
                    + "Send the same request again with the same Idempotency-Key.", ImportOutcome.nothing());
        }
    }

    private void fail(ImportJob job, ImportFailure failure, String detail, ImportOutcome outcome) {
        jobs.fail(job.id(), job.attempt(), failure, detail, outcome);
    }
}
