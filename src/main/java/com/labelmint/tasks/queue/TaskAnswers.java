package com.labelmint.tasks.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemFullyAnswered;
import com.labelmint.tasks.project.ProjectCopies;
import com.labelmint.tasks.project.QueueProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records a labeler's answer under their lease, once; and gives a lease back unanswered. Either way the item's
 * slot is released in the same transaction, so the queue never loses or double-counts one.
 */
@ApplicationScoped
public class TaskAnswers {

    private static final String LOCK_LEASE = """
            SELECT l.item_id, l.project_id, l.issued_at, l.expires_at, l.state, l.expires_at <= now(), i.gold_answer::text
            FROM tasks.lease l JOIN tasks.item i ON i.id = l.item_id
            WHERE l.id = ? AND l.labeler_id = ? FOR UPDATE OF l""";

    private static final String EARLIER_ANSWER = "SELECT id, value::text FROM tasks.answer WHERE lease_id = ?";

    private static final String INSERT_ANSWER = """
            INSERT INTO tasks.answer (id, lease_id, item_id, project_id, labeler_id, value, gold, submitted_at, duration_ms)
            VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?)""";

    private static final String END_LEASE = "UPDATE tasks.lease SET state = ? WHERE id = ?";

    private static final String COUNT_ANSWER = """
            UPDATE tasks.item SET leases_active = leases_active - 1, answers_count = answers_count + 1
            WHERE id = ? RETURNING answers_count, state, answers_count > (SELECT overlap FROM tasks.project p WHERE p.id = project_id)""";

    private static final String RELEASE_SLOT = "UPDATE tasks.item SET leases_active = leases_active - 1 WHERE id = ? AND gold_answer IS NULL";

    private final DataSource dataSource;
    private final ProjectCopies projects;
    private final EventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    TaskAnswers(DataSource dataSource, ProjectCopies projects, EventPublisher events, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public record RecordedAnswer(UUID answerId, UUID leaseId, long itemId, JsonNode answer) {
    }

    /**
     * Records the answer. Sending the same answer again under the same lease returns the first record (a client
     * retrying after a lost response must not get an error); a different answer is refused.
     */
    @Transactional
    public RecordedAnswer answer(UUID labelerId, UUID leaseId, JsonNode answer) {
        try (Connection connection = dataSource.getConnection()) {
            LockedLease lease = lock(connection, leaseId, labelerId);
            if (Lease.ANSWERED.equals(lease.state())) {
                return sameAnswerAgain(connection, lease, answer);
            }
            requireOpen(lease);
            QueueProject project = projects.find(connection, lease.projectId());
            project.schema().answerViolation(answer).ifPresent(violation -> {
                throw ProblemException.badRequest("invalid-answer", "The answer does not fit the project's label: " + violation);
            });
            Instant now = clock.instant();
            UUID answerId = UUID.randomUUID();
            long durationMs = Math.max(0, Duration.between(lease.issuedAt(), now).toMillis());
            insertAnswer(connection, answerId, lease, labelerId, answer, now, durationMs);
            endLease(connection, leaseId, Lease.ANSWERED);
            JsonNode goldAnswer = lease.goldAnswer() == null ? null : json.readTree(lease.goldAnswer());
            events.publish(new AnswerSubmitted(UUID.randomUUID(), now, answerId, lease.projectId(), lease.itemId(), labelerId,
                    answer, goldAnswer, durationMs));
            if (goldAnswer == null) {
                countAnswer(connection, lease, now);
            }
            return new RecordedAnswer(answerId, leaseId, lease.itemId(), answer);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("The answer could not be recorded", e);
        }
    }

    /** Gives the task back: the item returns to the queue for others, never again for this labeler. */
    @Transactional
    public void skip(UUID labelerId, UUID leaseId) {
        try (Connection connection = dataSource.getConnection()) {
            LockedLease lease = lock(connection, leaseId, labelerId);
            if (Lease.SKIPPED.equals(lease.state())) {
                return;
            }
            if (Lease.ANSWERED.equals(lease.state())) {
                throw ProblemException.conflict("already-answered", "This task is answered; there is nothing to skip");
            }
            requireOpen(lease);
            endLease(connection, leaseId, Lease.SKIPPED);
            try (PreparedStatement release = connection.prepareStatement(RELEASE_SLOT)) {
                release.setLong(1, lease.itemId());
                release.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The task could not be skipped", e);
        }
    }

    private record LockedLease(UUID id, long itemId, UUID projectId, Instant issuedAt, Instant expiresAt, String state,
                               boolean expired, String goldAnswer) {
    }

    private static LockedLease lock(Connection connection, UUID leaseId, UUID labelerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOCK_LEASE)) {
            query.setObject(1, leaseId);
            query.setObject(2, labelerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Task " + leaseId);
                }
                return new LockedLease(leaseId, row.getLong(1), row.getObject(2, UUID.class), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(), row.getString(5), row.getBoolean(6), row.getString(7));
            }
        }
    }

    private static void requireOpen(LockedLease lease) {
        if (!Lease.ACTIVE.equals(lease.state()) || lease.expired()) {
            throw new ProblemException(410, "lease-expired", "Gone",
                    "This task's lease ended at " + lease.expiresAt() + " (" + lease.state() + "); ask for the next task");
        }
    }

    private RecordedAnswer sameAnswerAgain(Connection connection, LockedLease lease, JsonNode answer)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement query = connection.prepareStatement(EARLIER_ANSWER)) {
            query.setObject(1, lease.id());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                JsonNode earlier = json.readTree(row.getString(2));
                if (!earlier.equals(answer)) {
                    throw ProblemException.conflict("already-answered", "This task was answered already, differently");
                }
                return new RecordedAnswer(row.getObject(1, UUID.class), lease.id(), lease.itemId(), earlier);
            }
        }
    }

    private void insertAnswer(Connection connection, UUID answerId, LockedLease lease, UUID labelerId, JsonNode answer,
                              Instant now, long durationMs) throws SQLException, JsonProcessingException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ANSWER)) {
            insert.setObject(1, answerId);
            insert.setObject(2, lease.id());
            insert.setLong(3, lease.itemId());
            insert.setObject(4, lease.projectId());
            insert.setObject(5, labelerId);
            insert.setString(6, json.writeValueAsString(answer));
            insert.setBoolean(7, lease.goldAnswer() != null);
            insert.setTimestamp(8, java.sql.Timestamp.from(now));
            insert.setLong(9, durationMs);
            insert.executeUpdate();
        }
    }

    private static void endLease(Connection connection, UUID leaseId, String state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(END_LEASE)) {
            update.setString(1, state);
            update.setObject(2, leaseId);
            update.executeUpdate();
        }
    }

    /** Counts the answer on its item; the answer that completes the item sends it to consensus. */
    private void countAnswer(Connection connection, LockedLease lease, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COUNT_ANSWER)) {
            update.setLong(1, lease.itemId());
            try (ResultSet counted = update.executeQuery()) {
                counted.next();
                if ("complete".equals(counted.getString(2))) {
                    events.publish(new ItemFullyAnswered(UUID.randomUUID(), now, lease.projectId(), lease.itemId(),
                            counted.getInt(1), counted.getBoolean(3)));
                }
            }
        }
    }
}
