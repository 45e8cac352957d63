-- One bulk import of items (POST /api/v1/projects/{id}/items:import), run as a job: the request spools the body
-- to a local file and answers 202; a worker on the same instance reads the file and commits every valid item
-- together with status 'succeeded' in ONE transaction, so an import is all there or not there at all.
--
-- status: queued (spooled, waiting for a worker), running, succeeded, failed. A queued or running job whose
-- heartbeat_at stops moving belonged to an instance that died: the sweeper fails it as 'interrupted', and the
-- client may send the same request again with the same Idempotency-Key (the row is reused, attempt + 1).
CREATE TABLE tasks.import_job (
    id              uuid PRIMARY KEY,
    project_id      uuid        NOT NULL,
    requested_by    uuid        NOT NULL,
    -- the client's Idempotency-Key, scoped to (project, caller); NULL: the client asked for no deduplication
    idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    -- SHA-256 of format, atomic flag and body: the same key with another request is refused
    fingerprint     bytea       NOT NULL,
    format          text        NOT NULL CHECK (format IN ('jsonl', 'csv')),
    atomic          boolean     NOT NULL,
    body_bytes      bigint      NOT NULL CHECK (body_bytes > 0),
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    attempt         integer     NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    -- physical lines of the body (a CSV value may span lines); lines_done counts up to it while the job runs
    total_lines     bigint      NOT NULL CHECK (total_lines >= 0),
    lines_done      bigint      NOT NULL DEFAULT 0 CHECK (lines_done >= 0),
    items_imported  bigint      NOT NULL DEFAULT 0 CHECK (items_imported >= 0),
    gold_imported   bigint      NOT NULL DEFAULT 0 CHECK (gold_imported >= 0),
    -- every rejected line counts; only the first ones by line number are kept: [{"line": 7, "reason": "..."}]
    error_count     bigint      NOT NULL DEFAULT 0 CHECK (error_count >= 0),
    errors          jsonb       NOT NULL DEFAULT '[]',
    failure_code    text,
    failure_detail  text,
    heartbeat_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    CHECK ((status = 'failed') = (failure_code IS NOT NULL)),
    CHECK ((status IN ('succeeded', 'failed')) = (finished_at IS NOT NULL))
);
-- what makes a repeated request find its job, also when two arrive at once
CREATE UNIQUE INDEX import_job_idempotency ON tasks.import_job (project_id, requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- the sweeper's scan for jobs whose instance stopped
CREATE INDEX import_job_unfinished ON tasks.import_job (heartbeat_at) WHERE status IN ('queued', 'running');
