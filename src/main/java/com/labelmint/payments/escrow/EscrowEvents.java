package com.labelmint.payments.escrow;

import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A project that completes or is archived gives its unspent escrow back to its client. */
@ApplicationScoped
class EscrowEvents {

    private final DataSource dataSource;
    private final ClosedEscrows closedEscrows;

    EscrowEvents(DataSource dataSource, ClosedEscrows closedEscrows) {
        this.dataSource = dataSource;
        this.closedEscrows = closedEscrows;
    }

    void on(@Observes ProjectStatusChanged changed) throws SQLException {
        if (changed.to() != ProjectStatus.COMPLETED && changed.to() != ProjectStatus.ARCHIVED) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            closedEscrows.close(connection, changed.projectId(), changed.ownerId(), changed.eventId());
        }
    }
}
