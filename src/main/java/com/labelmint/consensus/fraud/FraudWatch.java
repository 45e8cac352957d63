package com.labelmint.consensus.fraud;

import com.labelmint.projects.api.FraudAction;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.tasks.api.AnswerSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Watches every answer for signs of a labeler who does not really label: failed gold streaks, constant answers,
 * answers far faster than the crowd's. A labeler who shows one is flagged, and the project's fraud action decides
 * what follows (see {@code LabelerFlagged}).
 */
@ApplicationScoped
public class FraudWatch {

    private final LabelerWatches watches;
    private final CrowdBaselines crowds;
    private final FraudSignals signals;
    private final FraudFlags flags;

    FraudWatch(LabelerWatches watches, CrowdBaselines crowds, FraudSignals signals, FraudFlags flags) {
        this.watches = watches;
        this.crowds = crowds;
        this.signals = signals;
        this.flags = flags;
    }

    /**
     * Watches a newly stored answer, in the caller's transaction. Whether the answer counts: not when its labeler
     * is excluded from the project, whether before this answer or by the flag it raised.
     */
    public boolean admits(Connection connection, ProjectView project, AnswerSubmitted answer, GoldResult gold, Instant now)
            throws SQLException {
        LabelerWindows windows = watches.record(connection, answer, gold, now);
        if (windows.excluded()) {
            return false;
        }
        List<Signal> shown = signals.shownBy(windows, crowds.of(connection, project.id(), now));
        if (shown.isEmpty()) {
            return true;
        }
        FraudAction action = project.settings().fraudAction();
        watches.restart(connection, project.id(), answer.labelerId(), action.excludes(), now);
        flags.raise(connection, project.id(), answer.labelerId(), shown, action, now);
        return !action.excludes();
    }
}
