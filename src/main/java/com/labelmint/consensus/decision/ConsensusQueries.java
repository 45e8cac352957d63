package com.labelmint.consensus.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.api.ConsensusApi;
import com.labelmint.consensus.api.DisputeCase;
import com.labelmint.consensus.api.DisputeView;
import com.labelmint.consensus.api.ItemAnswer;
import com.labelmint.consensus.api.ItemInReview;
import com.labelmint.consensus.api.ReviewCase;
import com.labelmint.consensus.api.ProjectQuality;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The module's answer to {@link ConsensusApi}: the backlog, and disputes as the admin console lists and settles them. */
@ApplicationScoped
public class ConsensusQueries implements ConsensusApi {

    private static final String BACKLOG = "SELECT (SELECT count(*) FROM consensus.item WHERE state = 'review'), "
            + "(SELECT count(*) FROM consensus.dispute WHERE status = 'open')";
    private static final String ITEM = "SELECT state, label::text FROM consensus.item WHERE id = ?";
    private static final String PROJECT_TOTALS = "SELECT count(*) FILTER (WHERE state = 'decided'), count(*) FILTER (WHERE state = 'review'), "
            + "avg(confidence) FILTER (WHERE state = 'decided') FROM consensus.item WHERE project_id = ?";
    private static final String PROJECT_LABELS = "SELECT label::text, count(*) FROM consensus.item WHERE project_id = ? AND state = 'decided' "
            + "GROUP BY label::text ORDER BY count(*) DESC, label::text LIMIT 50";
    private static final String LEAST_SURE = "SELECT id, state, label::text, confidence FROM consensus.item "
            + "WHERE project_id = ? AND confidence IS NOT NULL ORDER BY confidence, id LIMIT ?";
    /** Paging oldest first reuses the (time, id) cursor, compared the other way round. */
    private static final NewestFirstCursor FIRST = new NewestFirstCursor(Instant.EPOCH, new UUID(0, 0));

    private final DataSource dataSource;
    private final Disputes disputes;
    private final ItemRecords records;
    private final Reviews reviews;
    private final ObjectMapper json;

    ConsensusQueries(DataSource dataSource, Disputes disputes, ItemRecords records, Reviews reviews, ObjectMapper json) {
        this.dataSource = dataSource;
        this.disputes = disputes;
        this.records = records;
        this.reviews = reviews;
        this.json = json;
    }

    @Override
    public Backlog backlog() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(BACKLOG)) {
            row.next();
            return new Backlog(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("The consensus backlog could not be read", e);
        }
    }

    @Override
    public Page<DisputeView> openDisputes(String after, int limit) {
        NewestFirstCursor cursor = Optional.ofNullable(NewestFirstCursor.parse(after)).orElse(FIRST);
        try {
            List<Dispute> fetched = disputes.openAfter(cursor.createdAt(), cursor.id(), limit + 1);
            return Page.fromOneExtra(fetched, limit, dispute -> new NewestFirstCursor(dispute.openedAt(), dispute.id()).encoded())
                    .map(ConsensusQueries::view);
        } catch (SQLException e) {
            throw new IllegalStateException("Open disputes could not be read", e);
        }
    }

    @Override
    public Optional<DisputeCase> disputeCase(UUID disputeId) {
        try (Connection connection = dataSource.getConnection()) {
            Dispute dispute;
            try {
                dispute = disputes.find(new Caller(null, true), disputeId);
            } catch (ProblemException notFound) {
                return Optional.empty();
            }
            List<ItemAnswer> answers = records.regularAnswers(connection, dispute.itemId()).stream().map(StoredAnswer::asView).toList();
            try (PreparedStatement query = connection.prepareStatement(ITEM)) {
                query.setLong(1, dispute.itemId());
                try (ResultSet item = query.executeQuery()) {
                    boolean known = item.next();
                    return Optional.of(new DisputeCase(view(dispute), known ? item.getString(1) : null,
                            known ? item.getString(2) : null, answers));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Dispute " + disputeId + " could not be read", e);
        }
    }

    @Override
    public DisputeView resolveDispute(UUID admin, UUID disputeId, String outcome, String note, String labelJson) {
        if (!"upheld".equals(outcome) && !"dismissed".equals(outcome)) {
            throw ProblemException.badRequest("bad-outcome", "A dispute is upheld or dismissed, not '" + outcome + "'");
        }
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw ProblemException.badRequest("bad-note", "Say why, in 1 to 2000 characters");
        }
        try {
            return view(disputes.resolve(new Caller(admin, true), disputeId,
                    new DisputeResolution(outcome, note.strip(), label(labelJson))));
        } catch (SQLException e) {
            throw new IllegalStateException("Dispute " + disputeId + " could not be settled", e);
        }
    }

    @Override
    public ProjectQuality projectQuality(UUID projectId, int leastSure) {
        try (Connection connection = dataSource.getConnection()) {
            long decided;
            long inReview;
            Double meanConfidence;
            try (PreparedStatement query = connection.prepareStatement(PROJECT_TOTALS)) {
                query.setObject(1, projectId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    decided = row.getLong(1);
                    inReview = row.getLong(2);
                    double mean = row.getDouble(3);
                    meanConfidence = row.wasNull() ? null : mean;
                }
            }
            List<ProjectQuality.LabelCount> labels = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(PROJECT_LABELS)) {
                query.setObject(1, projectId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        labels.add(new ProjectQuality.LabelCount(rows.getString(1), rows.getLong(2)));
                    }
                }
            }
            List<ProjectQuality.UnsureItem> unsure = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(LEAST_SURE)) {
                query.setObject(1, projectId);
                query.setInt(2, leastSure);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        unsure.add(new ProjectQuality.UnsureItem(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getDouble(4)));
                    }
                }
            }
            return new ProjectQuality(decided, inReview, meanConfidence, labels, unsure);
        } catch (SQLException e) {
            throw new IllegalStateException("The quality of project " + projectId + " could not be read", e);
        }
    }

    @Override
    public Page<ItemInReview> itemsInReview(UUID reviewer, boolean admin, UUID projectId, String after, int limit) {
        try {
            return reviews.waiting(new Caller(reviewer, admin), projectId, after, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Items in review could not be read", e);
        }
    }

    @Override
    public Optional<ReviewCase> reviewCase(UUID reviewer, boolean admin, long itemId) {
        try {
            return reviews.reviewCase(new Caller(reviewer, admin), itemId);
        } catch (SQLException e) {
            throw new IllegalStateException("Item " + itemId + " could not be read", e);
        }
    }

    @Override
    public void review(UUID reviewer, boolean admin, long itemId, String labelJson, String note) {
        JsonNode label = label(labelJson);
        if (label == null) {
            throw ProblemException.badRequest("missing-label", "Give the item's label");
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.badRequest("bad-note", "A note takes at most 2000 characters");
        }
        try {
            reviews.decide(new Caller(reviewer, admin), itemId, new ReviewDecision(label, note));
        } catch (SQLException e) {
            throw new IllegalStateException("Item " + itemId + " could not be labelled", e);
        }
    }

    private JsonNode label(String labelJson) {
        if (labelJson == null || labelJson.isBlank()) {
            return null;
        }
        try {
            return json.readTree(labelJson);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("invalid-label", "The label is not JSON: " + e.getOriginalMessage());
        }
    }

    private static DisputeView view(Dispute dispute) {
        return new DisputeView(dispute.id(), dispute.kind(), dispute.projectId(), dispute.itemId(), dispute.answerId(),
                dispute.openedBy(), dispute.reason(), dispute.openedAt(), dispute.status(), dispute.resolvedBy(),
                dispute.resolvedAt(), dispute.resolutionNote(), dispute.newLabel() == null ? null : dispute.newLabel().toString());
    }
}
