package com.labelmint.consensus.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.aggregation.ItemAggregator;
import com.labelmint.consensus.api.DisputeOpened;
import com.labelmint.consensus.api.DisputeResolved;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.consensus.quality.LabelerQuality;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.jdbc.RetriedOnConflict;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Disputes: a labeler objects to the rejection of their answer, a project's manager to an item's label, each
 * within {@code labelmint.consensus.dispute-window} of the decision; an admin settles them. Upholding turns the
 * verdicts the decision got wrong (and relabels the item); every settlement is published as
 * {@link DisputeResolved} for payments and moves the labelers' quality counts.
 */
@ApplicationScoped
public class Disputes {

    private static final String LOCK_ANSWER = """
            SELECT project_id, item_id, labeler_id, verdict, decided_at FROM consensus.answer WHERE id = ? FOR UPDATE""";

    private static final String LOCK_ITEM = "SELECT project_id, state, updated_at FROM consensus.item WHERE id = ? FOR UPDATE";

    private static final String INSERT = """
            INSERT INTO consensus.dispute (id, kind, project_id, item_id, answer_id, opened_by, reason, opened_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT DO NOTHING""";

    private static final String COLUMNS = """
            id, kind, project_id, item_id, answer_id, opened_by, reason, opened_at, status, resolved_by, resolved_at,
            resolution_note, new_label::text""";

    private static final String BY_ANSWER = "SELECT " + COLUMNS + " FROM consensus.dispute WHERE kind = 'rejected-answer' AND answer_id = ?";
    private static final String BY_ITEM = "SELECT " + COLUMNS + " FROM consensus.dispute WHERE kind = 'item-label' AND item_id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM consensus.dispute WHERE id = ?";
    private static final String LOCK_BY_ID = BY_ID + " FOR UPDATE";
    private static final String OPEN = "SELECT " + COLUMNS + " FROM consensus.dispute WHERE status = 'open' ORDER BY opened_at, id LIMIT ?";
    private static final String OPEN_AFTER = "SELECT " + COLUMNS + " FROM consensus.dispute WHERE status = 'open' "
            + "AND (opened_at, id) > (?, ?) ORDER BY opened_at, id LIMIT ?";

    private static final String SETTLE = """
            UPDATE consensus.dispute SET status = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?, new_label = cast(? AS jsonb)
            WHERE id = ?""";

    private static final String REJECTED_ANSWER = "rejected-answer";
    private static final String ITEM_LABEL = "item-label";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ItemRecords records;
    private final ItemDecisions decisions;
    private final Verdicts verdicts;
    private final LabelerQuality quality;
    private final EventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration window;

    Disputes(DataSource dataSource, ConsensusProjects projects, ItemRecords records, ItemDecisions decisions, Verdicts verdicts,
             LabelerQuality quality, EventPublisher events, ObjectMapper json, Clock clock,
             @ConfigProperty(name = "labelmint.consensus.dispute-window", defaultValue = "P7D") Duration window) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.records = records;
        this.decisions = decisions;
        this.verdicts = verdicts;
        this.quality = quality;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.window = window;
    }

    /** Opens the caller's dispute, or returns the one they opened about the same thing before. */
    @Transactional
    public Dispute open(Caller caller, DisputeRequest request) throws SQLException {
        if ((request.answerId() == null) == (request.itemId() == null)) {
            throw ProblemException.badRequest("dispute-subject", "Name either the rejected answer (answerId) or the item (itemId)");
        }
        try (Connection connection = dataSource.getConnection()) {
            return request.answerId() != null ? openOverAnswer(connection, caller, request) : openOverLabel(connection, caller, request);
        }
    }

    private Dispute openOverAnswer(Connection connection, Caller caller, DisputeRequest request) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ANSWER)) {
            lock.setObject(1, request.answerId());
            try (ResultSet answer = lock.executeQuery()) {
                if (!answer.next() || !caller.id().equals(answer.getObject(3, UUID.class))) {
                    throw ProblemException.notFound("Answer " + request.answerId());
                }
                if (!"rejected".equals(answer.getString(4))) {
                    throw ProblemException.conflict("not-rejected", "Only a rejected answer can be disputed");
                }
                requireWithinWindow(answer.getTimestamp(5).toInstant());
                insert(connection, REJECTED_ANSWER, answer.getObject(1, UUID.class), answer.getLong(2), request.answerId(), caller,
                        request.reason());
            }
        }
        return ownOrConflict(one(connection, BY_ANSWER, request.answerId()), caller);
    }

    private Dispute openOverLabel(Connection connection, Caller caller, DisputeRequest request) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ITEM)) {
            lock.setLong(1, request.itemId());
            try (ResultSet item = lock.executeQuery()) {
                if (!item.next()) {
                    throw ProblemException.notFound("Item " + request.itemId());
                }
                UUID projectId = item.getObject(1, UUID.class);
                projects.find(connection, projectId).filter(project -> caller.admin() || project.managedBy(caller.id()))
                        .orElseThrow(() -> ProblemException.notFound("Item " + request.itemId()));
                if (!"decided".equals(item.getString(2))) {
                    throw ProblemException.conflict("not-decided", "Only a decided label can be disputed");
                }
                requireWithinWindow(item.getTimestamp(3).toInstant());
                insert(connection, ITEM_LABEL, projectId, request.itemId(), null, caller, request.reason());
            }
        }
        return ownOrConflict(one(connection, BY_ITEM, request.itemId()), caller);
    }

    /** The dispute, for the person who opened it and for admins. */
    public Dispute find(Caller caller, UUID disputeId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dispute dispute = one(connection, BY_ID, disputeId);
            if (dispute == null || !caller.admin() && !caller.id().equals(dispute.openedBy())) {
                throw ProblemException.notFound("Dispute " + disputeId);
            }
            return dispute;
        }
    }

    /** Open disputes, oldest first: the admins' work list. */
    public List<Dispute> open(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(OPEN)) {
            query.setInt(1, limit);
            return list(query);
        }
    }

    /** Open disputes opened after the given one (oldest first), for paging through the admins' work list. */
    public List<Dispute> openAfter(Instant openedAt, UUID id, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(OPEN_AFTER)) {
            query.setTimestamp(1, Timestamp.from(openedAt));
            query.setObject(2, id);
            query.setInt(3, limit);
            return list(query);
        }
    }

    @Transactional
    @RetriedOnConflict // the labeler's quality row, which listeners judging their other answers lock too
    public Dispute resolve(Caller admin, UUID disputeId, DisputeResolution resolution) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Dispute dispute = one(connection, LOCK_BY_ID, disputeId);
            if (dispute == null) {
                throw ProblemException.notFound("Dispute " + disputeId);
            }
            if (!"open".equals(dispute.status())) {
                throw ProblemException.conflict("dispute-settled", "The dispute was " + dispute.status() + " already");
            }
            ProjectView project = projects.get(connection, dispute.projectId());
            List<UUID> nowAccepted = new ArrayList<>();
            List<UUID> nowRejected = new ArrayList<>();
            JsonNode newLabel = null;
            if (REJECTED_ANSWER.equals(dispute.kind())) {
                settleAnswer(connection, project, dispute, resolution, nowAccepted, now);
            } else if (resolution.upheld()) {
                newLabel = relabel(connection, project, dispute, admin, resolution, nowAccepted, nowRejected, now);
            }
            settle(connection, dispute, admin, resolution, newLabel, now);
            events.publish(new DisputeResolved(UUID.randomUUID(), now, dispute.id(), dispute.kind(), resolution.outcome(),
                    dispute.projectId(), dispute.itemId(), dispute.answerId(), dispute.openedBy(), admin.id(), resolution.note(),
                    nowAccepted, nowRejected));
            return one(connection, BY_ID, disputeId);
        }
    }

    private void settleAnswer(Connection connection, ProjectView project, Dispute dispute, DisputeResolution resolution,
                              List<UUID> nowAccepted, Instant now) throws SQLException {
        if (resolution.upheld()) {
            if (verdicts.turn(connection, project, dispute.answerId(), dispute.itemId(), dispute.openedBy(), true, now)) {
                nowAccepted.add(dispute.answerId());
            }
        } else {
            quality.add(connection, dispute.openedBy(), project.settings().requiredSkills(), LabelerQuality.Measured.disputeLost(), now);
        }
    }

    /** The item gets the admin's label; every answer's verdict is judged again against it. */
    private JsonNode relabel(Connection connection, ProjectView project, Dispute dispute, Caller admin, DisputeResolution resolution,
                             List<UUID> nowAccepted, List<UUID> nowRejected, Instant now) throws SQLException {
        JsonNode label = resolution.label();
        if (label == null || label.isNull()) {
            throw ProblemException.badRequest("invalid-label", "Upholding a dispute over a label needs the right label");
        }
        project.schema().label().answerViolation(label).ifPresent(violation -> {
            throw ProblemException.badRequest("invalid-label", "The label does not fit the project's schema: " + violation);
        });
        ItemAggregator aggregator = decisions.aggregatorOf(connection, project);
        List<StoredAnswer> answers = StoredAnswer.counted(records.regularAnswers(connection, dispute.itemId()));
        for (StoredAnswer answer : answers) {
            boolean agrees = aggregator.agrees(answer.value(), label);
            if (agrees != answer.accepted()
                    && verdicts.turn(connection, project, answer.id(), dispute.itemId(), answer.labelerId(), agrees, now)) {
                (agrees ? nowAccepted : nowRejected).add(answer.id());
            }
        }
        records.move(connection, dispute.itemId(), new ItemRecords.ItemState("decided", null, label, 1.0, "dispute",
                admin.id(), resolution.note()), now);
        events.publish(new ItemLabelled(UUID.randomUUID(), now, project.id(), dispute.itemId(), label, 1.0, "dispute",
                answers.size(), admin.id(), true));
        return label;
    }

    private void requireWithinWindow(Instant decidedAt) {
        if (decidedAt.plus(window).isBefore(clock.instant())) {
            throw ProblemException.conflict("dispute-window-closed", "Decisions can be disputed for " + window.toDays()
                    + " days; this one was made on " + decidedAt);
        }
    }

    private static Dispute ownOrConflict(Dispute dispute, Caller caller) {
        if (!dispute.openedBy().equals(caller.id())) {
            throw ProblemException.conflict("already-disputed", "Somebody else disputes this already");
        }
        return dispute;
    }

    private void insert(Connection connection, String kind, UUID projectId, long itemId, UUID answerId, Caller caller, String reason)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            UUID disputeId = UUID.randomUUID();
            Instant now = clock.instant();
            insert.setObject(1, disputeId);
            insert.setString(2, kind);
            insert.setObject(3, projectId);
            insert.setLong(4, itemId);
            insert.setObject(5, answerId);
            insert.setObject(6, caller.id());
            insert.setString(7, reason.strip());
            insert.setTimestamp(8, Timestamp.from(now));
            // the same complaint again is the dispute opened before: announced once
            if (insert.executeUpdate() == 1) {
                events.publish(new DisputeOpened(UUID.randomUUID(), now, disputeId, kind, projectId, itemId, answerId, caller.id()));
            }
        }
    }

    private void settle(Connection connection, Dispute dispute, Caller admin, DisputeResolution resolution, JsonNode newLabel,
                        Instant now) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
            settle.setString(1, resolution.outcome());
            settle.setObject(2, admin.id());
            settle.setTimestamp(3, Timestamp.from(now));
            settle.setString(4, resolution.note());
            settle.setString(5, newLabel == null ? null : newLabel.toString());
            settle.setObject(6, dispute.id());
            settle.executeUpdate();
        }
    }

    private Dispute one(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, key);
            List<Dispute> found = list(query);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private List<Dispute> list(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            List<Dispute> disputes = new ArrayList<>();
            while (rows.next()) {
                disputes.add(new Dispute(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class), rows.getLong(4),
                        rows.getObject(5, UUID.class), rows.getObject(6, UUID.class), rows.getString(7), instant(rows.getTimestamp(8)),
                        rows.getString(9), rows.getObject(10, UUID.class), instant(rows.getTimestamp(11)), rows.getString(12),
                        tree(rows.getString(13))));
            }
            return disputes;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored label is unreadable", e);
        }
    }
}
