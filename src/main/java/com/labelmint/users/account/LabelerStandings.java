package com.labelmint.users.account;

import com.labelmint.users.api.LabelerStanding;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A labeler's ban and skills in one statement, for the task queue, which asks on every "next": two Hibernate look-ups
 * (the account, then its skills) cost far more app CPU than their SQL costs the database.
 */
@ApplicationScoped
class LabelerStandings {

    private static final String STANDING = """
            SELECT CASE WHEN a.banned_until > ? THEN a.banned_until END, ARRAY(SELECT s.tag FROM users.skill s WHERE s.account_id = a.id)
            FROM users.account a WHERE a.id = ?""";

    private final DataSource dataSource;
    private final Clock clock;

    LabelerStandings(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Optional<LabelerStanding> of(UUID accountId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(STANDING)) {
            query.setTimestamp(1, Timestamp.from(clock.instant()));
            query.setObject(2, accountId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp bannedUntil = row.getTimestamp(1);
                Array tags = row.getArray(2);
                return Optional.of(new LabelerStanding(bannedUntil == null ? null : bannedUntil.toInstant(),
                        Set.of((String[]) tags.getArray())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The standing of account " + accountId + " could not be read", e);
        }
    }
}
