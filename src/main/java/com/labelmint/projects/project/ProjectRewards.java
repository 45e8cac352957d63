package com.labelmint.projects.project;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A project's reward per answer, read alone: payments asks for it on every answer event, and loading the whole
 * project (entity, members, mapping) for two columns was a large share of the labeling loop's listener CPU.
 */
@ApplicationScoped
class ProjectRewards {

    private final DataSource dataSource;

    ProjectRewards(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Money> perAnswer(UUID projectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT reward_units, reward_currency FROM projects.project WHERE id = ?")) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Money.ofUnits(row.getLong(1), Currency.valueOf(row.getString(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The reward of project " + projectId + " could not be read", e);
        }
    }
}
