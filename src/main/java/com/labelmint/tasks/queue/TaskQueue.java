package com.labelmint.tasks.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.tasks.api.Task;
import com.labelmint.tasks.asset.AssetReferences;
import com.labelmint.tasks.project.ProjectCopies;
import com.labelmint.tasks.project.QueueProject;
import com.labelmint.users.api.LabelerStanding;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Hands a labeler their next task: an item that still needs answers, from a project they may work on, that they
 * have never been given, under a lease.
 *
 * <p>The guarantees live in the database, not in this class: {@code FOR NO KEY UPDATE SKIP LOCKED} lets concurrent
 * labelers pass each other instead of queueing on one item; a CHECK keeps answers and leases in flight within
 * what the item needs; a unique (item, labeler) pair makes a second lease or answer for the same person
 * impossible. A per-labeler advisory lock ({@link LabelerLock}) makes two "next" calls of one person (two devices)
 * wait for each other, so the second gets the lease the first one made rather than a second task.
 */
@ApplicationScoped
public class TaskQueue {

    private static final String CURRENT_LEASE = """
            SELECT l.id, l.item_id, l.project_id, l.issued_at, l.expires_at, l.state, i.data::text
            FROM tasks.lease l JOIN tasks.item i ON i.id = l.item_id JOIN tasks.project p ON p.id = l.project_id
            WHERE l.labeler_id = ? AND l.state = 'active' AND l.expires_at > now() AND p.status = 'active'
            ORDER BY l.issued_at LIMIT 1""";

    /**
     * The project as a one-element array, ordered by (project, id), is for the planner: with a plain equality it may
     * walk the primary key in id order and filter out every finished item at the head of the queue, a cost that grows
     * with every item done; this way item_queue, which holds open items only, is the one index that gives the order.
     * FOR NO KEY UPDATE rather than FOR UPDATE: the lock keeps other pickers off the row all the same, but the leases
     * and answers other labelers insert for this item check their foreign key to it without waiting for this
     * transaction to end.
     */
    private static final String NEXT_ITEM = """
            SELECT i.id, i.data::text FROM tasks.item i
            WHERE i.project_id = ANY (ARRAY[?::uuid]) AND i.state = 'open' AND i.gold_answer IS NULL
              AND NOT EXISTS (SELECT 1 FROM tasks.lease l WHERE l.item_id = i.id AND l.labeler_id = ?)
            ORDER BY i.project_id, i.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED""";

    /** Gold items are answered by everyone once and never fill up, so they need no lock. */
    private static final String NEXT_GOLD_ITEM = """
            SELECT i.id, i.data::text FROM tasks.item i
            WHERE i.project_id = ? AND i.gold_answer IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM tasks.lease l WHERE l.item_id = i.id AND l.labeler_id = ?)
            ORDER BY i.id LIMIT 1""";

    private static final String TAKE_SLOT = "UPDATE tasks.item SET leases_active = leases_active + 1 WHERE id = ?";

    private static final String INSERT_LEASE = """
            INSERT INTO tasks.lease (id, item_id, project_id, labeler_id, issued_at, expires_at, state)
            VALUES (?, ?, ?, ?, now(), now() + make_interval(secs => ?), 'active') RETURNING issued_at, expires_at""";

    private final DataSource dataSource;
    private final ProjectCopies projects;
    private final UsersApi users;
    private final AssetReferences assets;
    private final ObjectMapper json;

    TaskQueue(DataSource dataSource, ProjectCopies projects, UsersApi users, AssetReferences assets, ObjectMapper json) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.users = users;
        this.assets = assets;
        this.json = json;
    }

    /** The labeler's current task if they hold one, else a new one; empty when there is nothing for them. */
    @Transactional
    public Optional<Task> next(UUID labelerId) {
        LabelerStanding labeler = users.labelerStanding(labelerId).orElseThrow(() -> ProblemException.notFound("The signed-in account"));
        if (labeler.banned()) {
            throw new ProblemException(403, "account-banned", "Forbidden", "A banned account gets no tasks until " + labeler.bannedUntil());
        }
        try (Connection connection = dataSource.getConnection()) {
            LabelerLock.lock(connection, labelerId);
            Optional<Task> current = currentTask(connection, labelerId);
            if (current.isPresent()) {
                return current;
            }
            for (QueueProject project : projects.workableBy(connection, labelerId, labeler.skillTags())) {
                Optional<Task> task = leaseIn(connection, project, labelerId);
                if (task.isPresent()) {
                    return task;
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("The task queue could not be read", e);
        }
    }

    /** Gold at the project's rate, a regular item otherwise; whichever kind is left when the other runs out. */
    private Optional<Task> leaseIn(Connection connection, QueueProject project, UUID labelerId) throws SQLException {
        boolean goldFirst = ThreadLocalRandom.current().nextDouble() < project.goldRate();
        Optional<Task> task = goldFirst ? lease(connection, project, labelerId, NEXT_GOLD_ITEM, false)
                : lease(connection, project, labelerId, NEXT_ITEM, true);
        if (task.isPresent()) {
            return task;
        }
        return goldFirst ? lease(connection, project, labelerId, NEXT_ITEM, true)
                : lease(connection, project, labelerId, NEXT_GOLD_ITEM, false);
    }

    private Optional<Task> lease(Connection connection, QueueProject project, UUID labelerId, String pick, boolean takesSlot)
            throws SQLException {
        long itemId;
        String data;
        try (PreparedStatement query = connection.prepareStatement(pick)) {
            query.setObject(1, project.id());
            query.setObject(2, labelerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                itemId = row.getLong(1);
                data = row.getString(2);
            }
        }
        if (takesSlot) {
            try (PreparedStatement take = connection.prepareStatement(TAKE_SLOT)) {
                take.setLong(1, itemId);
                take.executeUpdate();
            }
        }
        UUID leaseId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LEASE)) {
            insert.setObject(1, leaseId);
            insert.setLong(2, itemId);
            insert.setObject(3, project.id());
            insert.setObject(4, labelerId);
            insert.setInt(5, project.leaseSeconds());
            try (ResultSet times = insert.executeQuery()) {
                times.next();
                return Optional.of(task(project, new Lease(leaseId, itemId, project.id(), times.getTimestamp(1).toInstant(),
                        times.getTimestamp(2).toInstant(), Lease.ACTIVE), data));
            }
        }
    }

    private Optional<Task> currentTask(Connection connection, UUID labelerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CURRENT_LEASE)) {
            query.setObject(1, labelerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Lease lease = new Lease(row.getObject(1, UUID.class), row.getLong(2), row.getObject(3, UUID.class),
                        row.getTimestamp(4).toInstant(), row.getTimestamp(5).toInstant(), row.getString(6));
                return Optional.of(task(projects.find(connection, lease.projectId()), lease, row.getString(7)));
            }
        }
    }

    private Task task(QueueProject project, Lease lease, String data) {
        try {
            return new Task(lease.id(), lease.expiresAt(),
                    new Task.Project(project.id(), project.name(), project.instructions(), project.schema().dataFields(),
                            project.schema().label()),
                    new Task.Item(lease.itemId(), assets.withLinks(project.id(), project.schema().dataFields(), json.readTree(data))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
