package com.labelmint.consensus.quality;

import com.labelmint.consensus.aggregation.ItemAggregators;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.platform.jdbc.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Builds {@link LabelerQualityReport}s from consensus's counts, the answers it received and the projects' fitted models. */
@ApplicationScoped
public class LabelerQualityReports {

    private static final String COUNTS = """
            SELECT skill, gold_answers, gold_correct, decided_answers, agreed_answers, disputes_lost, measured_at
            FROM consensus.labeler_quality WHERE labeler_id = ? ORDER BY skill""";

    private static final String SPEED = """
            SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_ms),
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY duration_ms)
            FROM consensus.answer WHERE labeler_id = ?""";

    /** The labeler's K × K cells of each model that knows them (cells of one labeler are contiguous, see DawidSkeneModel). */
    private static final String CONFUSION = """
            SELECT project_id, fitted_at, class_count, log_priors,
                   log_confusion[(position - 1) * class_count * class_count + 1 : position * class_count * class_count]
            FROM (SELECT *, array_position(labelers, ?) AS position FROM consensus.project_model
                  WHERE labelers @> ARRAY[?]::uuid[]) known
            ORDER BY fitted_at DESC""";

    private final DataSource dataSource;
    private final ConsensusProjects projects;

    LabelerQualityReports(DataSource dataSource, ConsensusProjects projects) {
        this.dataSource = dataSource;
        this.projects = projects;
    }

    public LabelerQualityReport report(UUID labelerId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<LabelerQualityReport.Measures> measures = measures(connection, labelerId);
            return new LabelerQualityReport(labelerId,
                    measures.stream().filter(measure -> measure.skill() == null).findFirst().orElse(null),
                    measures.stream().filter(measure -> measure.skill() != null).toList(),
                    speed(connection, labelerId), confusion(connection, labelerId));
        }
    }

    private static List<LabelerQualityReport.Measures> measures(Connection connection, UUID labelerId) throws SQLException {
        List<LabelerQualityReport.Measures> measures = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COUNTS)) {
            query.setObject(1, labelerId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String skill = row.getString(1);
                    long gold = row.getLong(2);
                    long goldCorrect = row.getLong(3);
                    long decided = row.getLong(4);
                    long agreed = row.getLong(5);
                    measures.add(new LabelerQualityReport.Measures(skill.isEmpty() ? null : skill, gold, goldCorrect,
                            share(goldCorrect, gold), decided, agreed, share(agreed, decided), row.getLong(6),
                            LabelerQuality.estimatedAccuracy(goldCorrect + agreed, gold + decided),
                            row.getTimestamp(7).toInstant()));
                }
            }
        }
        return measures;
    }

    private static LabelerQualityReport.AnswerSpeed speed(Connection connection, UUID labelerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SPEED)) {
            query.setObject(1, labelerId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new LabelerQualityReport.AnswerSpeed(row.getLong(1), (Long) row.getObject(2), (Long) row.getObject(3));
            }
        }
    }

    private List<LabelerQualityReport.ProjectConfusion> confusion(Connection connection, UUID labelerId) throws SQLException {
        List<LabelerQualityReport.ProjectConfusion> matrices = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CONFUSION)) {
            query.setObject(1, labelerId);
            query.setObject(2, labelerId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID projectId = row.getObject(1, UUID.class);
                    Optional<List<String>> classes = classes(connection, projectId, row.getInt(3));
                    if (classes.isPresent()) {
                        matrices.add(matrix(projectId, row.getTimestamp(2), classes.get(), SqlArrays.doubles(row.getArray(5)),
                                SqlArrays.doubles(row.getArray(4))));
                    }
                }
            }
        }
        return matrices;
    }

    /** Cells are stored as log P(observed | true) at observed × K + true; the matrix reads true class by row. */
    private static LabelerQualityReport.ProjectConfusion matrix(UUID projectId, Timestamp fittedAt, List<String> classes,
                                                                double[] logCells, double[] logPriors) {
        int k = classes.size();
        double[][] matrix = new double[k][k];
        double accuracy = 0;
        for (int truth = 0; truth < k; truth++) {
            for (int observed = 0; observed < k; observed++) {
                matrix[truth][observed] = Math.exp(logCells[observed * k + truth]);
            }
            accuracy += Math.exp(logPriors[truth]) * matrix[truth][truth];
        }
        return new LabelerQualityReport.ProjectConfusion(projectId, fittedAt.toInstant(), classes, matrix, accuracy);
    }

    /** The names of the classes of the project's label, if it still has as many as the model was fitted with. */
    private Optional<List<String>> classes(Connection connection, UUID projectId, int classCount) throws SQLException {
        return projects.find(connection, projectId).map(project -> ItemAggregators.classNames(project.schema().label()))
                .filter(names -> names.size() == classCount);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
