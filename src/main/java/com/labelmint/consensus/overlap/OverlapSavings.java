package com.labelmint.consensus.overlap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.aggregation.Vote;
import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.consensus.quality.LabelerQuality;
import com.labelmint.platform.jdbc.CursorReads;
import com.labelmint.projects.api.ProjectSettings;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** Measures a project's dynamic overlap: the answers its decided items used, and what a fixed overlap would have cost. */
@ApplicationScoped
public class OverlapSavings {

    private static final int ROWS_PER_FETCH = 10_000;

    private static final String DECIDED_ITEMS_BY_ANSWERS = """
            SELECT counted, count(*) FROM (
                SELECT i.id, count(a.id) FILTER (WHERE a.verdict IS DISTINCT FROM 'void') AS counted
                FROM consensus.item i JOIN consensus.answer a ON a.item_id = i.id
                WHERE i.project_id = ? AND i.state = 'decided' GROUP BY i.id) per_item
            GROUP BY counted ORDER BY counted""";

    private static final String GOLD_ANSWERS = """
            SELECT item_id, labeler_id, value::text, gold_answer::text FROM consensus.answer
            WHERE project_id = ? AND gold_answer IS NOT NULL AND verdict IS DISTINCT FROM 'void'
            ORDER BY item_id, submitted_at, id""";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ItemDecisions decisions;
    private final LabelerQuality quality;
    private final ObjectMapper json;

    OverlapSavings(DataSource dataSource, ConsensusProjects projects, ItemDecisions decisions, LabelerQuality quality,
                   ObjectMapper json) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.decisions = decisions;
        this.quality = quality;
        this.json = json;
    }

    /** The report for a project the caller manages (any project for an admin); 404 otherwise. */
    public OverlapSavingsReport report(UUID accountId, boolean admin, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ProjectView project = projects.managedBy(connection, accountId, admin, projectId);
            ProjectSettings settings = project.settings();
            Map<Integer, Long> itemsByAnswers = decidedItemsByAnswers(connection, project.id());
            long decidedItems = itemsByAnswers.values().stream().mapToLong(Long::longValue).sum();
            long answersUsed = itemsByAnswers.entrySet().stream().mapToLong(entry -> entry.getKey() * entry.getValue()).sum();
            Optional<GoldReplay> replay = new OverlapReplay(decisions.aggregatorOf(connection, project), settings.overlap(),
                    settings.maxOverlap(), settings.acceptanceThreshold()).replay(goldItems(connection, project.id()));
            int compared = replay.map(GoldReplay::matchingFixedOverlap).orElse(settings.maxOverlap());
            long fixedAnswers = decidedItems * compared;
            long saved = fixedAnswers - answersUsed;
            return new OverlapSavingsReport(project.id(), settings.overlap(), settings.maxOverlap(),
                    settings.acceptanceThreshold(), decidedItems, answersUsed, itemsByAnswers, compared, fixedAnswers, saved,
                    fixedAnswers == 0 ? 0 : (double) saved / fixedAnswers, replay.orElse(null));
        }
    }

    private static Map<Integer, Long> decidedItemsByAnswers(Connection connection, UUID projectId) throws SQLException {
        Map<Integer, Long> items = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(DECIDED_ITEMS_BY_ANSWERS)) {
            query.setObject(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return items;
    }

    /** Every gold item's answers that count, each vote weighted by its labeler's measured accuracy, as decisions weigh it. */
    private List<GoldItemAnswers> goldItems(Connection connection, UUID projectId) throws SQLException {
        record GoldAnswer(long item, UUID labeler, JsonNode value, JsonNode gold) {
        }
        List<GoldAnswer> answers = new ArrayList<>();
        CursorReads.forEachRow(connection, GOLD_ANSWERS, ROWS_PER_FETCH, query -> query.setObject(1, projectId), row ->
                answers.add(new GoldAnswer(row.getLong(1), row.getObject(2, UUID.class), tree(row.getString(3)), tree(row.getString(4)))));
        Set<UUID> labelers = new HashSet<>();
        answers.forEach(answer -> labelers.add(answer.labeler()));
        Map<UUID, Double> accuracy = quality.accuracies(connection, labelers);
        Map<Long, List<Vote>> votes = new LinkedHashMap<>();
        Map<Long, JsonNode> known = new LinkedHashMap<>();
        for (GoldAnswer answer : answers) {
            votes.computeIfAbsent(answer.item(), item -> new ArrayList<>())
                    .add(new Vote(answer.labeler(), answer.value(), accuracy.get(answer.labeler())));
            known.putIfAbsent(answer.item(), answer.gold());
        }
        return votes.entrySet().stream().map(item -> new GoldItemAnswers(known.get(item.getKey()), item.getValue())).toList();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is unreadable", e);
        }
    }
}
