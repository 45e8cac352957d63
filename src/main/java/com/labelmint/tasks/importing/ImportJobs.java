package com.labelmint.tasks.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.jdbc.SingleStatements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code tasks.import_job} table, in plain JDBC (each statement runs in the caller's transaction, if any).
 * Every change a worker makes names the job's {@code attempt} and expected status: a worker that lost its job
 * (swept as interrupted, or sent again) changes nothing, and its import rolls back.
 * Times are the database's ({@code statement_timestamp()}), so heartbeats from several instances compare.
 */
@ApplicationScoped
class ImportJobs {

    private static final String COLUMNS = "id, project_id, requested_by, idempotency_key, fingerprint, format, atomic, "
            + "body_bytes, status, attempt, total_lines, lines_done, items_imported, gold_imported, error_count, errors::text, "
            + "failure_code, failure_detail, created_at, started_at, finished_at";
    private static final TypeReference<List<LineError>> ERROR_LIST = new TypeReference<>() {
    };
    private static final String RETRYABLE = String.join(", ", Arrays.stream(ImportFailure.values())
            .filter(ImportFailure::retryable).map(failure -> "'" + failure.wireName() + "'").toList());

    private final SingleStatements statements;
    private final ObjectMapper json;

    ImportJobs(DataSource dataSource, ObjectMapper json) {
        this.statements = new SingleStatements(dataSource, "Import job");
        this.json = json;
    }

    record NewJob(UUID id, UUID projectId, UUID requestedBy, String idempotencyKey, byte[] fingerprint,
                  ImportFormat format, boolean atomic, long bodyBytes, long totalLines) {
    }

    /** Stores a queued job; empty when the caller already has a job under this Idempotency-Key. */
    Optional<ImportJob> insert(NewJob job) {
        return one("INSERT INTO tasks.import_job (id, project_id, requested_by, idempotency_key, fingerprint, format, atomic, "
                + "body_bytes, status, total_lines, heartbeat_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, statement_timestamp(), statement_timestamp()) "
                + "ON CONFLICT (project_id, requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING "
                + "RETURNING " + COLUMNS, statement -> {
            statement.setObject(1, job.id());
            statement.setObject(2, job.projectId());
            statement.setObject(3, job.requestedBy());
            statement.setString(4, job.idempotencyKey());
            statement.setBytes(5, job.fingerprint());
            statement.setString(6, job.format().wireName());
            statement.setBoolean(7, job.atomic());
            statement.setLong(8, job.bodyBytes());
            statement.setLong(9, job.totalLines());
        });
    }

    Optional<ImportJob> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM tasks.import_job WHERE id = ?", statement -> statement.setObject(1, id));
    }

    Optional<ImportJob> findByKey(UUID projectId, UUID requestedBy, String idempotencyKey) {
        return one("SELECT " + COLUMNS + " FROM tasks.import_job WHERE project_id = ? AND requested_by = ? AND idempotency_key = ?",
                statement -> {
                    statement.setObject(1, projectId);
                    statement.setObject(2, requestedBy);
                    statement.setString(3, idempotencyKey);
                });
    }

    /** Queues a job that failed for a retryable reason again, as its next attempt; empty if someone else did first. */
    Optional<ImportJob> requeue(UUID id) {
        return one("UPDATE tasks.import_job SET status = 'queued', attempt = attempt + 1, lines_done = 0, items_imported = 0, "
                + "gold_imported = 0, error_count = 0, errors = '[]', failure_code = NULL, failure_detail = NULL, "
                + "heartbeat_at = statement_timestamp(), started_at = NULL, finished_at = NULL "
                + "WHERE id = ? AND status = 'failed' AND failure_code IN (" + RETRYABLE + ") RETURNING " + COLUMNS,
                statement -> statement.setObject(1, id));
    }

    boolean start(UUID id, int attempt) {
        return statements.update("UPDATE tasks.import_job SET status = 'running', started_at = statement_timestamp(), "
                + "heartbeat_at = statement_timestamp() WHERE id = ? AND attempt = ? AND status = 'queued'", statement -> {
            statement.setObject(1, id);
            statement.setInt(2, attempt);
        }) == 1;
    }

    void progress(UUID id, int attempt, long linesDone) {
        statements.update("UPDATE tasks.import_job SET lines_done = ?, heartbeat_at = statement_timestamp() "
                + "WHERE id = ? AND attempt = ? AND status = 'running'", statement -> {
            statement.setLong(1, linesDone);
            statement.setObject(2, id);
            statement.setInt(3, attempt);
        });
    }

    void heartbeat(Collection<UUID> ids) {
        statements.update("UPDATE tasks.import_job SET heartbeat_at = statement_timestamp() "
                + "WHERE id = ANY (?) AND status IN ('queued', 'running')", (connection, statement) ->
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray())));
    }

    /** Records success; false when the job is no longer this attempt's to finish. */
    boolean succeed(UUID id, int attempt, ImportOutcome outcome) {
        return statements.update("UPDATE tasks.import_job SET status = 'succeeded', lines_done = ?, items_imported = ?, gold_imported = ?, "
                + "error_count = ?, errors = ?::jsonb, finished_at = statement_timestamp(), heartbeat_at = statement_timestamp() "
                + "WHERE id = ? AND attempt = ? AND status = 'running'", statement -> {
            bindOutcome(statement, outcome);
            statement.setObject(6, id);
            statement.setInt(7, attempt);
        }) == 1;
    }

    void fail(UUID id, int attempt, ImportFailure failure, String detail, ImportOutcome outcome) {
        statements.update("UPDATE tasks.import_job SET status = 'failed', lines_done = ?, items_imported = ?, gold_imported = ?, "
                + "error_count = ?, errors = ?::jsonb, failure_code = ?, failure_detail = ?, finished_at = statement_timestamp() "
                + "WHERE id = ? AND attempt = ? AND status IN ('queued', 'running')", statement -> {
            bindOutcome(statement, outcome);
            statement.setString(6, failure.wireName());
            statement.setString(7, detail);
            statement.setObject(8, id);
            statement.setInt(9, attempt);
        });
    }

    /** Fails every unfinished job whose heartbeat is older than {@code staleAfter}; returns how many. */
    int failStale(Duration staleAfter, String detail) {
        return statements.update("UPDATE tasks.import_job SET status = 'failed', failure_code = ?, failure_detail = ?, "
                + "finished_at = statement_timestamp() WHERE status IN ('queued', 'running') "
                + "AND heartbeat_at < statement_timestamp() - ? * interval '1 millisecond'", statement -> {
            statement.setString(1, ImportFailure.INTERRUPTED.wireName());
            statement.setString(2, detail);
            statement.setLong(3, staleAfter.toMillis());
        });
    }

    private void bindOutcome(PreparedStatement statement, ImportOutcome outcome) throws SQLException {
        statement.setLong(1, outcome.linesDone());
        statement.setLong(2, outcome.itemsImported());
        statement.setLong(3, outcome.goldImported());
        statement.setLong(4, outcome.errors().count());
        try {
            statement.setString(5, json.writeValueAsString(outcome.errors().kept()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Line errors are plain records and always serialise", e);
        }
    }

    private ImportJob row(ResultSet result) throws SQLException {
        String failureCode = result.getString(17);
        try {
            return new ImportJob(result.getObject(1, UUID.class), result.getObject(2, UUID.class), result.getObject(3, UUID.class),
                    result.getString(4), result.getBytes(5), ImportFormat.fromWireName(result.getString(6)), result.getBoolean(7),
                    result.getLong(8), ImportStatus.fromWireName(result.getString(9)), result.getInt(10), result.getLong(11),
                    result.getLong(12), result.getLong(13), result.getLong(14), result.getLong(15),
                    json.readValue(result.getString(16), ERROR_LIST),
                    failureCode == null ? null : new ImportJob.Failure(ImportFailure.fromWireName(failureCode), result.getString(18)),
                    instant(result.getTimestamp(19)), instant(result.getTimestamp(20)), instant(result.getTimestamp(21)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tasks.import_job.errors of job " + result.getObject(1) + " is not a list of line errors", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Optional<ImportJob> one(String sql, SingleStatements.Binder binder) {
        return statements.first(sql, binder, this::row);
    }
}
