package com.labelmint.notifications.inapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.notice.NewestFirst;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.StoredParams;
import com.labelmint.notifications.notice.NotificationTexts;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A person's in-app notifications: those whose in-app delivery is done, newest first, read or not. */
@ApplicationScoped
class Inbox {

    /** The person's notifications that the in-app channel has delivered. */
    private static final String SHOWN_TO = """
            n.user_id = ? AND EXISTS (SELECT 1 FROM notifications.delivery d
                                      WHERE d.notification_id = n.id AND d.channel = 'in-app' AND d.status = 'sent')""";
    private static final String PAGE = "SELECT n.id, n.kind, n.params::text, n.created_at, n.read_at IS NOT NULL "
            + "FROM notifications.notification n WHERE " + SHOWN_TO
            + " AND (n.created_at, n.id) < (?, ?) ORDER BY n.created_at DESC, n.id DESC LIMIT ?";
    private static final String UNREAD = "SELECT count(*) FROM notifications.notification n WHERE " + SHOWN_TO + " AND n.read_at IS NULL";
    private static final String READ = """
            UPDATE notifications.notification SET read_at = coalesce(read_at, now()) WHERE id = ? AND user_id = ?""";
    private static final String READ_ALL = "UPDATE notifications.notification n SET read_at = now() WHERE " + SHOWN_TO
            + " AND n.read_at IS NULL";

    private final DataSource dataSource;
    private final NotificationTexts texts;
    private final UsersApi users;
    private final ObjectMapper json;

    Inbox(DataSource dataSource, NotificationTexts texts, UsersApi users, ObjectMapper json) {
        this.dataSource = dataSource;
        this.texts = texts;
        this.users = users;
        this.json = json;
    }

    Page<NotificationView> page(UUID userId, String cursor, int limit) throws SQLException {
        String language = users.find(userId).map(AccountView::language).orElse("en");
        List<NotificationView> fetched = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(PAGE)) {
            query.setObject(1, userId);
            NewestFirst.bindAfter(query, 2, cursor);
            query.setInt(4, limit + 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    NotificationKind kind = NotificationKind.fromWireName(rows.getString(2));
                    Map<String, Object> params = StoredParams.read(json, rows.getString(3));
                    fetched.add(new NotificationView(rows.getObject(1, UUID.class), kind.wireName(), texts.subject(kind, language, params),
                            params, rows.getTimestamp(4).toInstant(), rows.getBoolean(5)));
                }
            }
        }
        return Page.fromOneExtra(fetched, limit, last -> new NewestFirstCursor(last.createdAt(), last.id()).encoded());
    }

    long unread(UUID userId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(UNREAD)) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Marks the person's own notification read; anyone else's is not found. */
    void read(UUID userId, UUID notificationId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(READ)) {
            update.setObject(1, notificationId);
            update.setObject(2, userId);
            if (update.executeUpdate() == 0) {
                throw ProblemException.notFound("Notification " + notificationId);
            }
        }
    }

    /** Marks everything the person has been shown read (not what quiet hours still hold back); returns how many were unread. */
    long readAll(UUID userId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(READ_ALL)) {
            update.setObject(1, userId);
            return update.executeUpdate();
        }
    }

}
