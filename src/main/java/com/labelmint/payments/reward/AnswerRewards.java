package com.labelmint.payments.reward;

import com.labelmint.platform.money.Currency;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payments.answer_reward rows; every change happens under the row's lock. */
@ApplicationScoped
class AnswerRewards {

    private static final String COLUMNS = "answer_id, project_id, labeler_id, currency, gross, fee, state, hold_id, times_paid";

    private static final String INSERT = "INSERT INTO payments.answer_reward (" + COLUMNS
            + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (answer_id) DO NOTHING";

    private static final String LOCK = "SELECT " + COLUMNS + " FROM payments.answer_reward WHERE answer_id = ? FOR UPDATE";

    private static final String UPDATE = """
            UPDATE payments.answer_reward SET state = ?, hold_id = ?, times_paid = ?, updated_at = ? WHERE answer_id = ?""";

    private static final String LOCK_OWED = "SELECT " + COLUMNS
            + " FROM payments.answer_reward WHERE project_id = ? AND state = 'owed' ORDER BY updated_at, answer_id LIMIT ? FOR UPDATE";

    private final Clock clock;

    AnswerRewards(Clock clock) {
        this.clock = clock;
    }

    /** Stores a reward first seen; false when the answer had one already. */
    boolean insert(Connection connection, AnswerReward reward) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, reward.answerId());
            insert.setObject(2, reward.projectId());
            insert.setObject(3, reward.labelerId());
            insert.setString(4, reward.currency().name());
            insert.setLong(5, reward.gross());
            insert.setLong(6, reward.fee());
            insert.setString(7, reward.state().dbName);
            insert.setObject(8, reward.holdId());
            insert.setInt(9, reward.timesPaid());
            insert.setTimestamp(10, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        }
    }

    Optional<AnswerReward> lock(Connection connection, UUID answerId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setObject(1, answerId);
            List<AnswerReward> found = read(lock);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Owed rewards of a project, oldest first, locked. */
    List<AnswerReward> lockOwed(Connection connection, UUID projectId, int limit) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_OWED)) {
            lock.setObject(1, projectId);
            lock.setInt(2, limit);
            return read(lock);
        }
    }

    void update(Connection connection, AnswerReward reward) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, reward.state().dbName);
            update.setObject(2, reward.holdId());
            update.setInt(3, reward.timesPaid());
            update.setTimestamp(4, Timestamp.from(clock.instant()));
            update.setObject(5, reward.answerId());
            update.executeUpdate();
        }
    }

    private static List<AnswerReward> read(PreparedStatement query) throws SQLException {
        List<AnswerReward> rewards = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rewards.add(new AnswerReward(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                        Currency.valueOf(row.getString(4)), row.getLong(5), row.getLong(6), AnswerReward.State.ofDbName(row.getString(7)),
                        row.getObject(8, UUID.class), row.getInt(9)));
            }
        }
        return rewards;
    }
}
