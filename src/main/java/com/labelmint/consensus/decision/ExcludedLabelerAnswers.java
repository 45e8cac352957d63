package com.labelmint.consensus.decision;

import com.labelmint.consensus.aggregation.ItemAggregator;
import com.labelmint.consensus.api.LabelerFlagged;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A labeler excluded from a project stops counting there: their answers on items not yet decided are made void,
 * and each such item is looked at again, which asks the queue for answers from others in their place. Decided
 * items keep their verdicts (paid answers are not taken back here; that is what disputes are for).
 *
 * <p>This runs on {@link LabelerFlagged}, in a transaction of its own rather than the one that raised the flag:
 * that one holds the lock of the item answered, and taking more item locks while holding it could deadlock with
 * another exclusion. Here the items are locked one by one in id order. The labeler's answers that consensus is
 * told of later are void as they arrive ({@code FraudWatch}).
 */
@ApplicationScoped
class ExcludedLabelerAnswers {

    private static final String PENDING_ITEMS = """
            SELECT item_id FROM consensus.answer WHERE labeler_id = ? AND project_id = ? AND verdict IS NULL ORDER BY item_id""";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ItemRecords records;
    private final Verdicts verdicts;
    private final ItemDecisions decisions;
    private final Clock clock;

    ExcludedLabelerAnswers(DataSource dataSource, ConsensusProjects projects, ItemRecords records, Verdicts verdicts,
                           ItemDecisions decisions, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.records = records;
        this.verdicts = verdicts;
        this.decisions = decisions;
        this.clock = clock;
    }

    void on(@Observes LabelerFlagged flagged) throws SQLException {
        if (!flagged.excludesLabeler()) {
            return;
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            ProjectView project = projects.get(connection, flagged.projectId());
            ItemAggregator aggregator = decisions.aggregatorOf(connection, project);
            for (long itemId : pendingItems(connection, flagged)) {
                ItemRecords.LockedItem item = records.lock(connection, project.id(), itemId, now);
                // decided since the query (its answers judged): nothing is pending on it any more
                if (verdicts.makeVoid(connection, project.id(), itemId, flagged.labelerId(), now)) {
                    decisions.decideIfComplete(connection, project, aggregator, item.collectingAgain(), now);
                }
            }
        }
    }

    private static List<Long> pendingItems(Connection connection, LabelerFlagged flagged) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PENDING_ITEMS)) {
            query.setObject(1, flagged.labelerId());
            query.setObject(2, flagged.projectId());
            try (ResultSet rows = query.executeQuery()) {
                List<Long> items = new ArrayList<>();
                while (rows.next()) {
                    items.add(rows.getLong(1));
                }
                return items;
            }
        }
    }
}
