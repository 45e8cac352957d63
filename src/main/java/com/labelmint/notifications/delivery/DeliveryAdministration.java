package com.labelmint.notifications.delivery;

import com.labelmint.notifications.notice.NewestFirst;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What admins do with deliveries: list them by state (the failed ones first of all) and send a failed one again. */
@ApplicationScoped
class DeliveryAdministration {

    static final Set<String> STATES = Set.of("pending", "sent", "failed");

    private static final String PAGE = """
            SELECT d.id, d.notification_id, n.user_id, n.kind, d.channel, d.status, d.attempts, d.last_error, d.created_at,
                   d.next_attempt_at
            FROM notifications.delivery d JOIN notifications.notification n ON n.id = d.notification_id
            WHERE d.status = ? AND (d.created_at, d.id) < (?, ?)
            ORDER BY d.created_at DESC, d.id DESC LIMIT ?""";
    private static final String LOCK = "SELECT status FROM notifications.delivery WHERE id = ? FOR UPDATE";
    private static final String RETRY = """
            UPDATE notifications.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
            WHERE id = ?""";

    private final DataSource dataSource;

    DeliveryAdministration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Page<DeliveryView> page(String status, String cursor, int limit) throws SQLException {
        if (!STATES.contains(status)) {
            throw ProblemException.badRequest("unknown-delivery-status", "status is pending, sent or failed, not " + status);
        }
        List<DeliveryView> fetched = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(PAGE)) {
            query.setString(1, status);
            NewestFirst.bindAfter(query, 2, cursor);
            query.setInt(4, limit + 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fetched.add(new DeliveryView(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5), rows.getString(6), rows.getInt(7),
                            rows.getString(8), rows.getTimestamp(9).toInstant(), rows.getTimestamp(10).toInstant()));
                }
            }
        }
        return Page.fromOneExtra(fetched, limit, last -> new NewestFirstCursor(last.createdAt(), last.id()).encoded());
    }

    /** A failed delivery starts again with a full set of attempts; one not failed is a conflict. */
    @Transactional
    void retry(UUID deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setObject(1, deliveryId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw ProblemException.notFound("Notification delivery " + deliveryId);
                    }
                    if (!"failed".equals(row.getString(1))) {
                        throw ProblemException.conflict("delivery-not-failed", "Only a failed delivery is retried; this one is "
                                + row.getString(1));
                    }
                }
            }
            try (PreparedStatement retry = connection.prepareStatement(RETRY)) {
                retry.setObject(1, deliveryId);
                retry.executeUpdate();
            }
        }
    }
}
