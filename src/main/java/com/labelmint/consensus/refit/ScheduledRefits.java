package com.labelmint.consensus.refit;

import com.labelmint.consensus.project.ConsensusProjects;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Refits, on a schedule, every active Dawid–Skene project of one class per answer that has answers newer than its
 * last fit. One project at a time: a pass is CPU-bound, and the labeling loop shares the cores.
 */
@ApplicationScoped
class ScheduledRefits {

    private static final Logger LOG = Logger.getLogger(ScheduledRefits.class);

    private static final String DUE = """
            SELECT p.id FROM consensus.project p LEFT JOIN consensus.project_model m ON m.project_id = p.id
            WHERE p.view->>'status' = 'active' AND p.view->'settings'->>'aggregation' = 'ds'
              AND p.view->'schema'->'label'->>'type' IN ('single_choice', 'rating')
              AND EXISTS (SELECT 1 FROM consensus.answer a WHERE a.project_id = p.id
                          AND (m.fitted_at IS NULL OR a.submitted_at > m.fitted_at))""";

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ProjectRefit refit;

    ScheduledRefits(DataSource dataSource, ConsensusProjects projects, ProjectRefit refit) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.refit = refit;
    }

    @Scheduled(identity = "consensus-refit", every = "${labelmint.consensus.refit-interval:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refitDueProjects() throws SQLException {
        for (UUID projectId : due()) {
            try (Connection connection = dataSource.getConnection()) {
                RefitSummary summary = refit.refit(projects.get(connection, projectId));
                LOG.infof("Refitted project %s: %d answers, %d iterations, %d ms", projectId, summary.answers(),
                        summary.iterations(), summary.durationMs());
            }
        }
    }

    private List<UUID> due() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(DUE);
             ResultSet rows = query.executeQuery()) {
            List<UUID> due = new ArrayList<>();
            while (rows.next()) {
                due.add(rows.getObject(1, UUID.class));
            }
            return due;
        }
    }
}
