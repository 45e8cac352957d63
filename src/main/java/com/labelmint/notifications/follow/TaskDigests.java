package com.labelmint.notifications.follow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.notifications.NotificationsConfig;
import com.labelmint.notifications.notice.NewNotification;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.Notifier;
import com.labelmint.notifications.notice.Params;
import com.labelmint.notifications.notice.StoredParams;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * "Tasks available" as a digest: the first notice for a follower opens a window, every notice within it is added to
 * the follower's one open digest (per project: name and items added), and when the window closes the digest becomes
 * one notification.
 */
@ApplicationScoped
class TaskDigests {

    private static final int BATCH = 100;

    private static final String ADD = """
            INSERT INTO notifications.task_digest AS digest (user_id, opened_at, closes_at, projects)
            SELECT f.user_id, ?, ?, jsonb_build_object(cast(? AS text), jsonb_build_object('name', cast(? AS text), 'items', cast(? AS bigint)))
            FROM notifications.follow f WHERE f.project_id = ?
            ON CONFLICT (user_id) DO UPDATE SET projects = digest.projects || jsonb_build_object(cast(? AS text), jsonb_build_object(
                'name', cast(? AS text), 'items', coalesce(cast(digest.projects -> cast(? AS text) ->> 'items' AS bigint), 0) + cast(? AS bigint)))""";
    private static final String TAKE_DUE = """
            DELETE FROM notifications.task_digest WHERE user_id IN (
                SELECT user_id FROM notifications.task_digest WHERE closes_at <= ? ORDER BY closes_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING user_id, opened_at, projects::text""";

    private final DataSource dataSource;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration window;

    TaskDigests(DataSource dataSource, Notifier notifier, ObjectMapper json, Clock clock, NotificationsConfig config) {
        this.dataSource = dataSource;
        this.notifier = notifier;
        this.json = json;
        this.clock = clock;
        this.window = config.digest().window();
    }

    /** Adds {@code items} new tasks of the project (0: some, count unknown) to the digest of each of its followers. */
    void add(UUID projectId, String projectName, long items) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection(); PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setTimestamp(1, Timestamp.from(now));
            add.setTimestamp(2, Timestamp.from(now.plus(window)));
            add.setString(3, projectId.toString());
            add.setString(4, projectName);
            add.setLong(5, items);
            add.setObject(6, projectId);
            add.setString(7, projectId.toString());
            add.setString(8, projectName);
            add.setString(9, projectId.toString());
            add.setLong(10, items);
            add.executeUpdate();
        }
    }

    @Scheduled(every = "${labelmint.notifications.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendRegularly() throws SQLException {
        while (sendDue() == BATCH) {
            // a full batch: more digests may be due
        }
    }

    /** Turns one batch of closed digests into notifications, in one transaction with their removal. */
    @Transactional
    int sendDue() throws SQLException {
        int sent = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement take = connection.prepareStatement(TAKE_DUE)) {
            take.setTimestamp(1, Timestamp.from(clock.instant()));
            take.setInt(2, BATCH);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    UUID userId = rows.getObject(1, UUID.class);
                    Instant opened = rows.getTimestamp(2).toInstant();
                    notifier.notify(new NewNotification(userId, NotificationKind.TASK_AVAILABLE, params(rows.getString(3)),
                            "task-available:" + opened.toEpochMilli()));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The projects of the digest and the items added across them. */
    private Map<String, Object> params(String storedProjects) {
        List<Object> projects = new ArrayList<>();
        long items = 0;
        for (Object project : StoredParams.read(json, storedProjects).values()) {
            projects.add(project);
            items += ((Number) ((Map<?, ?>) project).get("items")).longValue();
        }
        return Params.of("projects", projects, "items", items);
    }
}
