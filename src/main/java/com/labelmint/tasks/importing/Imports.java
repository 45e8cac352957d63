package com.labelmint.tasks.importing;

import com.labelmint.platform.error.Problem;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.tasks.project.ManagedProjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The request side of imports: who may import where, spooling the body, and the Idempotency-Key. A new job is
 * handed to {@link ImportWorker}; a request that repeats an earlier one (same key, same fingerprint) gets the
 * earlier job back and imports nothing, unless that job was interrupted, in which case it runs again.
 */
@ApplicationScoped
class Imports {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ManagedProjects projects;
    private final Spooler spooler;
    private final ImportJobs jobs;
    private final ImportWorker worker;
    private final ImportJson json;
    private final int maxLineBytes;

    Imports(ManagedProjects projects, Spooler spooler, ImportJobs jobs, ImportWorker worker, ImportJson json, ImportConfig config) {
        this.projects = projects;
        this.spooler = spooler;
        this.jobs = jobs;
        this.worker = worker;
        this.json = json;
        this.maxLineBytes = (int) config.maxLineBytes().asLongValue();
    }

    /** The job answering the request; {@code replayed} when it is an earlier request's. */
    record Started(ImportJob job, boolean replayed) {
    }

    /** Refuses other people's projects (404) before anything of the body is read. */
    Started start(JsonWebToken caller, UUID projectId, RawOptions raw, InputStream body) {
        ProjectView project = projects.acceptingData(caller, projectId);
        ImportOptions options = ImportOptions.parse(raw.contentType(), raw.atomic(), raw.idempotencyKey(), raw.waitSeconds());
        Spool spool = spooler.spool(body, options.format(), options.atomic());
        boolean handedOver = false;
        try {
            if (options.format() == ImportFormat.CSV) {
                requireUsableHeader(spool, project.schema());
            }
            Started started = jobFor(UUID.fromString(caller.getSubject()), project, options, spool);
            if (!started.replayed()) {
                worker.submit(started.job(), spool);
                handedOver = true;
            }
            return new Started(await(started.job(), options.waitForFinish()), started.replayed());
        } finally {
            if (!handedOver) {
                spooler.discard(spool);
            }
        }
    }

    /** The request's parameters as they came, parsed only once the caller is known to manage the project. */
    record RawOptions(String contentType, String atomic, String idempotencyKey, String waitSeconds) {
    }

    ImportJob visible(JsonWebToken caller, UUID jobId) {
        Optional<ImportJob> job = jobs.find(jobId);
        if (job.isEmpty()) {
            throw ProblemException.notFound("Import " + jobId);
        }
        try {
            projects.managedBy(caller, job.get().projectId());
        } catch (ProblemException e) {
            throw ProblemException.notFound("Import " + jobId);
        }
        return job.get();
    }

    private Started jobFor(UUID requestedBy, ProjectView project, ImportOptions options, Spool spool) {
        Optional<ImportJob> created = jobs.insert(new ImportJobs.NewJob(UUID.randomUUID(), project.id(), requestedBy,
                options.idempotencyKey(), spool.fingerprint(), options.format(), options.atomic(), spool.bytes(), spool.lines()));
        if (created.isPresent()) {
            return new Started(created.get(), false);
        }
        ImportJob earlier = jobs.findByKey(project.id(), requestedBy, options.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("An import job conflicted on its Idempotency-Key and cannot be found"));
        if (!MessageDigest.isEqual(earlier.fingerprint(), spool.fingerprint())) {
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key '" + options.idempotencyKey()
                    + "' was used for another import into this project (a different body, format or atomic flag); "
                    + "use a new key for a new import");
        }
        if (earlier.mayRunAgain()) {
            Optional<ImportJob> again = jobs.requeue(earlier.id());
            if (again.isPresent()) {
                return new Started(again.get(), false);
            }
        }
        return new Started(jobs.find(earlier.id()).orElseThrow(), true);
    }

    /** A CSV header that does not fit is a bad request, answered now rather than by a failed job. */
    private void requireUsableHeader(Spool spool, LabelSchema schema) {
        try (InputStream in = Files.newInputStream(spool.file())) {
            ItemDecoder.open(ImportFormat.CSV, new RecordSplitter(in, maxLineBytes, true), schema, json);
        } catch (HeaderRejected e) {
            throw ProblemException.badRequest("invalid-csv-header", "The CSV header does not fit the project's data fields")
                    .withFieldErrors(e.problems().stream().map(problem -> new Problem.FieldError("header", problem)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportJob await(ImportJob job, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ImportJob current = job;
        while (!current.status().finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = jobs.find(job.id()).orElseThrow();
        }
        return current;
    }
}
