package com.labelmint.consensus.fraud;

import com.labelmint.consensus.api.LabelerFlagged;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.FraudAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code consensus.fraud_flag}: every flag raised, published as {@link LabelerFlagged}, and listed for admins. */
@ApplicationScoped
public class FraudFlags {

    private static final String INSERT = """
            INSERT INTO consensus.fraud_flag (id, project_id, labeler_id, signals, action, flagged_at) VALUES (?, ?, ?, ?, ?, ?)""";

    private static final String PAGE = """
            SELECT id, project_id, labeler_id, signals, action, flagged_at FROM consensus.fraud_flag
            WHERE action = ? AND (flagged_at, id) < (?, ?) ORDER BY flagged_at DESC, id DESC LIMIT ?""";

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final DataSource dataSource;
    private final EventPublisher events;

    FraudFlags(DataSource dataSource, EventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    void raise(Connection connection, UUID projectId, UUID labelerId, List<Signal> signals, FraudAction action, Instant now)
            throws SQLException {
        UUID flagId = UUID.randomUUID();
        List<String> names = signals.stream().map(Signal::wireName).toList();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, flagId);
            insert.setObject(2, projectId);
            insert.setObject(3, labelerId);
            insert.setArray(4, connection.createArrayOf("text", names.toArray()));
            insert.setString(5, action.wireName());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
        events.publish(new LabelerFlagged(UUID.randomUUID(), now, flagId, projectId, labelerId, names, action.wireName()));
    }

    /** Flags of one action, newest first. */
    public Page<FraudFlag> page(FraudAction action, String after, int limit) throws SQLException {
        NewestFirstCursor cursor = NewestFirstCursor.parse(after);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(PAGE)) {
            query.setString(1, action.wireName());
            query.setTimestamp(2, Timestamp.from(cursor == null ? END_OF_TIME : cursor.createdAt()));
            query.setObject(3, cursor == null ? new UUID(-1L, -1L) : cursor.id());
            query.setInt(4, limit + 1);
            List<FraudFlag> fetched = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fetched.add(new FraudFlag(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                            Arrays.asList((String[]) rows.getArray(4).getArray()), rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return Page.fromOneExtra(fetched, limit, flag -> new NewestFirstCursor(flag.flaggedAt(), flag.id()).encoded());
        }
    }
}
