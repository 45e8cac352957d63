package com.labelmint.consensus.refit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.consensus.aggregation.ItemAggregators;
import com.labelmint.consensus.engine.AnswerMatrixBuilder;
import com.labelmint.consensus.engine.DawidSkene;
import com.labelmint.consensus.engine.DawidSkeneOptions;
import com.labelmint.consensus.engine.DawidSkeneResult;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.jdbc.CursorReads;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * A full Dawid–Skene pass over every answer a project has (gold items clamped to their known answers), stored
 * for {@code ItemDecisions} to score new items with. Decided items keep their verdicts: answers were paid on
 * them. Runs on demand and on a schedule ({@link ScheduledRefits}).
 */
@ApplicationScoped
public class ProjectRefit {

    private static final int ROWS_PER_FETCH = 10_000;

    private static final String ANSWERS = """
            SELECT item_id, labeler_id, value::text, gold_answer::text FROM consensus.answer
            WHERE project_id = ? AND verdict IS DISTINCT FROM 'void'""";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ProjectModels models;
    private final ObjectMapper json;
    private final Clock clock;

    ProjectRefit(DataSource dataSource, ConsensusProjects projects, ProjectModels models, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.models = models;
        this.json = json;
        this.clock = clock;
    }

    public RefitSummary refit(ProjectView project) throws SQLException {
        int classes = ItemAggregators.classCount(project.schema().label());
        if (classes == 0) {
            throw ProblemException.conflict("refit-needs-classes",
                    "Dawid–Skene models labels of one class per answer (single choice, rating); this project's label is not");
        }
        Instant started = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            AnswerMatrixBuilder.Encoded<Long, UUID, Integer> answers = read(connection, project, classes);
            DawidSkeneResult fit = new DawidSkene(DawidSkeneOptions.defaults()).fit(answers.matrix());
            models.save(connection, project.id(), started, answers.matrix().taskCount(), answers.workers().keys(), fit,
                    answers.matrix().answerCount());
            return new RefitSummary(project.id(), answers.matrix().answerCount(), answers.matrix().taskCount(),
                    answers.matrix().workerCount(), fit.iterations(), fit.converged(), fit.logLikelihood(), started,
                    Duration.between(started, clock.instant()).toMillis());
        }
    }

    /** The project's copy, if the caller manages it (or is an admin); otherwise it does not exist for them. */
    public ProjectView managedBy(UUID accountId, boolean admin, UUID projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return projects.managedBy(connection, accountId, admin, projectId);
        }
    }

    private AnswerMatrixBuilder.Encoded<Long, UUID, Integer> read(Connection connection, ProjectView project, int classes)
            throws SQLException {
        Function<JsonNode, Integer> classOf = ItemAggregators.classOf(project.schema().label());
        AnswerMatrixBuilder<Long, UUID, Integer> answers = new AnswerMatrixBuilder<Long, UUID, Integer>()
                .declareClasses(IntStream.range(0, classes).boxed().toList());
        CursorReads.forEachRow(connection, ANSWERS, ROWS_PER_FETCH, query -> query.setObject(1, project.id()), rows -> {
            long item = rows.getLong(1);
            answers.add(item, rows.getObject(2, UUID.class), classOf.apply(tree(rows.getString(3))));
            if (rows.getString(4) != null) {
                answers.gold(item, classOf.apply(tree(rows.getString(4))));
            }
        });
        return answers.build();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is unreadable", e);
        }
    }
}
