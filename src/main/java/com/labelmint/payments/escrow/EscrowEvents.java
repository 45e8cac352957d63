package com.labelmint.payments.escrow;

import com.labelmint.payments.reward.RewardPayer;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A project that completes or is archived gives its unspent escrow back to its client, who pays from it the rewards
 * still owed for answers given while the project was open.
 */
@ApplicationScoped
class EscrowEvents {

    private final DataSource dataSource;
    private final ClosedEscrows closedEscrows;
    private final RewardPayer rewards;

    EscrowEvents(DataSource dataSource, ClosedEscrows closedEscrows, RewardPayer rewards) {
        this.dataSource = dataSource;
        this.closedEscrows = closedEscrows;
        this.rewards = rewards;
    }

    void on(@Observes ProjectStatusChanged changed) throws SQLException {
        if (changed.to() != ProjectStatus.COMPLETED && changed.to() != ProjectStatus.ARCHIVED) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            closedEscrows.close(connection, changed.projectId(), changed.ownerId(), changed.eventId());
            rewards.payOwed(connection, changed.projectId());
        }
    }
}
