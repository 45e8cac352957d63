package com.labelmint.consensus.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.aggregation.Aggregate;
import com.labelmint.consensus.api.ItemAnswer;
import com.labelmint.consensus.api.ItemInReview;
import com.labelmint.consensus.api.ReviewCase;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.jdbc.RetriedOnConflict;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Items consensus could not (or, by the project's choice, may not) label alone, and the reviewers who label them:
 * a project's reviewers, its managers, or an admin. Everyone else is told the project or item does not exist.
 */
@ApplicationScoped
public class Reviews {

    private static final String PENDING = """
            SELECT i.id, i.label::text, i.confidence, i.method, i.note, i.updated_at,
                   (SELECT json_agg(a.value ORDER BY a.submitted_at, a.id)::text FROM consensus.answer a
                    WHERE a.item_id = i.id AND a.gold_answer IS NULL AND a.verdict IS DISTINCT FROM 'void')
            FROM consensus.item i WHERE i.project_id = ? AND i.state = 'review' AND i.id > ? ORDER BY i.id LIMIT ?""";

    /** Items in review, oldest first, in the projects a reviewer may see (the same rule as {@code ProjectView.visibleTo}). */
    private static final String WAITING = """
            SELECT i.id, i.project_id, p.view->>'name', i.label::text, i.confidence, i.note, i.updated_at,
                   (SELECT count(*) FROM consensus.answer a
                    WHERE a.item_id = i.id AND a.gold_answer IS NULL AND a.verdict IS DISTINCT FROM 'void')
            FROM consensus.item i JOIN consensus.project p ON p.id = i.project_id
            WHERE i.state = 'review' AND i.id > ? AND i.project_id = coalesce(CAST(? AS uuid), i.project_id)
              AND (? OR p.view->>'ownerId' = ? OR p.view->'members'->'coOwners' @> to_jsonb(CAST(? AS text))
                   OR p.view->'members'->'reviewers' @> to_jsonb(CAST(? AS text)))
            ORDER BY i.id LIMIT ?""";

    private static final String ITEM =
            "SELECT project_id, state, label::text, confidence, method, note, decided_by FROM consensus.item WHERE id = ?";

    private static final String LOCK = "SELECT project_id, state FROM consensus.item WHERE id = ? FOR UPDATE";

    private static final String REVIEW_METHOD = "review";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ItemRecords records;
    private final ItemDecisions decisions;
    private final ObjectMapper json;
    private final Clock clock;

    Reviews(DataSource dataSource, ConsensusProjects projects, ItemRecords records, ItemDecisions decisions, ObjectMapper json,
            Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.records = records;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
    }

    public Page<ReviewItem> pending(Caller caller, UUID projectId, int limit, String after) throws SQLException {
        Long afterItem = Page.numericCursor(after);
        try (Connection connection = dataSource.getConnection()) {
            reviewable(connection, caller, projectId);
            try (PreparedStatement query = connection.prepareStatement(PENDING)) {
                query.setObject(1, projectId);
                query.setLong(2, afterItem == null ? 0 : afterItem);
                query.setInt(3, limit + 1);
                List<ReviewItem> items = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(new ReviewItem(rows.getLong(1), projectId, tree(rows.getString(2)), (Double) rows.getObject(3),
                                rows.getString(4), rows.getString(5), answers(rows.getString(7)), rows.getTimestamp(6).toInstant()));
                    }
                }
                return Page.fromOneExtra(items, limit, item -> Long.toString(item.itemId()));
            }
        }
    }

    /** Items in review in every project the caller may review; {@code projectId} (or null) narrows it to one. */
    public Page<ItemInReview> waiting(Caller caller, UUID projectId, String after, int limit) throws SQLException {
        Long afterItem = Page.numericCursor(after);
        String account = caller.id().toString();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(WAITING)) {
            query.setLong(1, afterItem == null ? 0 : afterItem);
            query.setObject(2, projectId, Types.OTHER);
            query.setBoolean(3, caller.admin());
            query.setString(4, account);
            query.setString(5, account);
            query.setString(6, account);
            query.setInt(7, limit + 1);
            List<ItemInReview> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new ItemInReview(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                            (Double) rows.getObject(5), rows.getString(6), rows.getInt(8), rows.getTimestamp(7).toInstant()));
                }
            }
            return Page.fromOneExtra(items, limit, item -> Long.toString(item.itemId()));
        }
    }

    /** The item with every answer and who gave it, whatever its state; empty when unknown or not the caller's to review. */
    public Optional<ReviewCase> reviewCase(Caller caller, long itemId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(ITEM)) {
            query.setLong(1, itemId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Optional<ProjectView> project = visible(connection, caller, row.getObject(1, UUID.class));
                if (project.isEmpty()) {
                    return Optional.empty();
                }
                List<ItemAnswer> answers = records.regularAnswers(connection, itemId).stream().map(StoredAnswer::asView).toList();
                return Optional.of(new ReviewCase(itemId, project.get().id(), project.get().name(), row.getString(2), row.getString(3),
                        (Double) row.getObject(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class), answers));
            }
        }
    }

    /** Labels an item in review for good, with full confidence, in the reviewer's name; its answers are judged by it. */
    @Transactional
    @RetriedOnConflict // judging the item's labelers may deadlock with a listener judging other items of theirs
    public void decide(Caller caller, long itemId, ReviewDecision decision) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            UUID projectId;
            String state;
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setLong(1, itemId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw ProblemException.notFound("Item " + itemId);
                    }
                    projectId = row.getObject(1, UUID.class);
                    state = row.getString(2);
                }
            }
            ProjectView project = reviewable(connection, caller, projectId);
            if (!"review".equals(state)) {
                throw ProblemException.conflict("not-in-review", "Item " + itemId + " is " + state + ", not waiting for a review");
            }
            project.schema().label().answerViolation(decision.label()).ifPresent(violation -> {
                throw ProblemException.badRequest("invalid-label", "The label does not fit the project's schema: " + violation);
            });
            decisions.label(connection, project, decisions.aggregatorOf(connection, project), itemId,
                    StoredAnswer.counted(records.regularAnswers(connection, itemId)),
                    new Aggregate(decision.label(), 1, REVIEW_METHOD), caller.id(), decision.note(),
                    clock.instant());
        }
    }

    private ProjectView reviewable(Connection connection, Caller caller, UUID projectId) throws SQLException {
        return visible(connection, caller, projectId).orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    private Optional<ProjectView> visible(Connection connection, Caller caller, UUID projectId) throws SQLException {
        return projects.find(connection, projectId).filter(project -> caller.admin() || project.visibleTo(caller.id()));
    }

    private List<JsonNode> answers(String array) {
        List<JsonNode> answers = new ArrayList<>();
        JsonNode parsed = tree(array);
        if (parsed != null) {
            parsed.forEach(answers::add);
        }
        return answers;
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
