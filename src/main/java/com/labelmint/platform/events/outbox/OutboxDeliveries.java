package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.EventDeliveries;
import com.labelmint.platform.jdbc.SingleStatements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the outbox for operators; retries go through {@link OutboxStore#requeue}. */
@ApplicationScoped
public class OutboxDeliveries implements EventDeliveries {

    private static final String COLUMNS = "SELECT id, type, version, status, attempts, last_error, recorded_at, "
            + "next_attempt_at, delivered_at, payload::text FROM platform.outbox_event ";

    private final DataSource dataSource;
    private final SingleStatements statements;
    private final OutboxStore outbox;
    private final Duration lateAfter;

    OutboxDeliveries(DataSource dataSource, OutboxStore outbox, EventsConfig config) {
        this.dataSource = dataSource;
        this.statements = new SingleStatements(dataSource, "Outbox deliveries");
        this.outbox = outbox;
        this.lateAfter = config.lateAfter();
    }

    @Override
    public List<Delivery> problems(Problem kind, int offset, int limit) {
        String where = switch (kind) {
            case FAILED -> "WHERE status = 'FAILED' ";
            case DEAD -> "WHERE status = 'DEAD' ";
            case LATE -> "WHERE status IN ('PENDING', 'SENT') AND next_attempt_at < now() - ? * interval '1 millisecond' ";
        };
        return query(COLUMNS + where + "ORDER BY recorded_at DESC OFFSET ? LIMIT ?", statement -> {
            int index = 1;
            if (kind == Problem.LATE) {
                statement.setLong(index++, lateAfter.toMillis());
            }
            statement.setInt(index++, Math.max(0, offset));
            statement.setInt(index, Math.max(1, Math.min(limit, 500)));
        });
    }

    @Override
    public Optional<Delivery> find(UUID eventId) {
        return query(COLUMNS + "WHERE id = ?", statement -> statement.setObject(1, eventId)).stream().findFirst();
    }

    @Override
    public boolean retry(UUID eventId) {
        return QuarkusTransaction.joiningExisting().call(() -> outbox.requeue(eventId));
    }

    @Override
    public Backlog backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'SENT'),
                            count(*) FILTER (WHERE status = 'FAILED'), count(*) FILTER (WHERE status = 'DEAD'),
                            min(recorded_at) FILTER (WHERE status IN ('PENDING', 'SENT'))
                     FROM platform.outbox_event WHERE status <> 'DELIVERED'""");
             ResultSet result = query.executeQuery()) {
            result.next();
            Timestamp oldest = result.getTimestamp(5);
            return new Backlog(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                    Optional.ofNullable(oldest).map(Timestamp::toInstant));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox backlog", e);
        }
    }

    private List<Delivery> query(String sql, SingleStatements.Binder binder) {
        return statements.list(sql, binder, row -> new Delivery(row.getObject(1, UUID.class), row.getString(2), row.getInt(3),
                row.getString(4), row.getInt(5), row.getString(6), instant(row, 7), instant(row, 8), instant(row, 9),
                row.getString(10)));
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        Timestamp timestamp = result.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
