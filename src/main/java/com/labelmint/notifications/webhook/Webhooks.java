package com.labelmint.notifications.webhook;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A project's endpoints, for its owner only: register (the secret is made here and shown once), list, delete; their
 * deliveries with every attempt, and a redelivery of any of them. Someone else's project, endpoint or delivery is not
 * found.
 */
@ApplicationScoped
class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DELIVERIES_SHOWN = 100;

    private static final String INSERT = """
            INSERT INTO notifications.webhook (id, project_id, url, secret, events, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String OF_PROJECT = """
            SELECT id, url, events, created_at FROM notifications.webhook WHERE project_id = ? ORDER BY created_at, id""";
    private static final String COUNT = "SELECT count(*) FROM notifications.webhook WHERE project_id = ?";
    private static final String DELIVERY_COLUMNS = """
            SELECT id, event_id, event_type, status, attempts, last_status, created_at, next_attempt_at, completed_at, redelivery_of
            FROM notifications.webhook_delivery""";
    private static final String DELIVERIES = DELIVERY_COLUMNS + " WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final String DELIVERY = DELIVERY_COLUMNS + " WHERE id = ? AND webhook_id = ?";
    private static final String ATTEMPTS = """
            SELECT attempted_at, status_code, error, duration_ms FROM notifications.webhook_attempt WHERE delivery_id = ? ORDER BY id""";
    private static final String REDELIVER = """
            INSERT INTO notifications.webhook_delivery (id, webhook_id, event_id, event_type, body, next_attempt_at, give_up_at,
                                                        created_at, redelivery_of)
            SELECT ?, webhook_id, event_id, event_type, body, ?, ?, ?, id FROM notifications.webhook_delivery WHERE id = ?""";

    private final DataSource dataSource;
    private final ProjectsApi projects;
    private final Clock clock;
    private final WebhooksConfig config;
    private final AddressGuard guard;

    Webhooks(DataSource dataSource, ProjectsApi projects, Clock clock, WebhooksConfig config) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.clock = clock;
        this.config = config;
        this.guard = new AddressGuard(config.requireHttps(), config.allowPrivateAddresses());
    }

    @Transactional
    WebhookView register(UUID callerId, UUID projectId, NewWebhook webhook) throws SQLException {
        requireOwner(callerId, projectId);
        guard.refusal(webhook.url()).ifPresent(why -> {
            throw ProblemException.badRequest("webhook-url-refused", "The webhook URL is refused: " + why);
        });
        Set<String> events = new LinkedHashSet<>();
        webhook.events().forEach(name -> events.add(WebhookEventType.fromWireName(name).wireName()));
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            // the project's row in projects is not ours to lock: the count is checked under a lock on the project's id
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "webhooks:" + projectId);
                lock.executeQuery().close();
            }
            if (count(connection, projectId) >= config.maxPerProject()) {
                throw ProblemException.conflict("too-many-webhooks", "A project has at most " + config.maxPerProject() + " webhooks");
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                Array eventArray = connection.createArrayOf("text", events.toArray());
                insert.setObject(1, id);
                insert.setObject(2, projectId);
                insert.setString(3, webhook.url());
                insert.setString(4, secret);
                insert.setArray(5, eventArray);
                insert.setObject(6, callerId);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
        return new WebhookView(id, projectId, webhook.url(), List.copyOf(events), now, secret);
    }

    List<WebhookView> list(UUID callerId, UUID projectId) throws SQLException {
        requireOwner(callerId, projectId);
        List<WebhookView> webhooks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(OF_PROJECT)) {
            query.setObject(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    webhooks.add(new WebhookView(rows.getObject(1, UUID.class), projectId, rows.getString(2),
                            List.of((String[]) rows.getArray(3).getArray()), rows.getTimestamp(4).toInstant(), null));
                }
            }
        }
        return webhooks;
    }

    /** Removes the endpoint with its deliveries; nothing more is sent to it. */
    void delete(UUID callerId, UUID projectId, UUID webhookId) throws SQLException {
        requireOwner(callerId, projectId);
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM notifications.webhook WHERE id = ? AND project_id = ?")) {
            delete.setObject(1, webhookId);
            delete.setObject(2, projectId);
            if (delete.executeUpdate() == 0) {
                throw ProblemException.notFound("Webhook " + webhookId);
            }
        }
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts. */
    List<WebhookDeliveryView> deliveries(UUID callerId, UUID projectId, UUID webhookId) throws SQLException {
        requireWebhook(callerId, projectId, webhookId);
        List<WebhookDeliveryView> deliveries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(DELIVERIES)) {
            query.setObject(1, webhookId);
            query.setInt(2, DELIVERIES_SHOWN);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(delivery(connection, rows));
                }
            }
        }
        return deliveries;
    }

    /** Sends the delivery's event again as a new delivery (same body, a fresh day of retries); the old one stays as it was. */
    @Transactional
    WebhookDeliveryView redeliver(UUID callerId, UUID projectId, UUID webhookId, UUID deliveryId) throws SQLException {
        requireWebhook(callerId, projectId, webhookId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (find(connection, deliveryId, webhookId) == null) {
                throw ProblemException.notFound("Delivery " + deliveryId);
            }
            try (PreparedStatement insert = connection.prepareStatement(REDELIVER)) {
                insert.setObject(1, id);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setTimestamp(3, Timestamp.from(now.plus(config.retryFor())));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setObject(5, deliveryId);
                insert.executeUpdate();
            }
            return find(connection, id, webhookId);
        }
    }

    private WebhookDeliveryView find(Connection connection, UUID deliveryId, UUID webhookId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DELIVERY)) {
            query.setObject(1, deliveryId);
            query.setObject(2, webhookId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? delivery(connection, row) : null;
            }
        }
    }

    private static WebhookDeliveryView delivery(Connection connection, ResultSet row) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        Timestamp completed = row.getTimestamp(9);
        return new WebhookDeliveryView(id, row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getInt(5),
                (Integer) row.getObject(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant(),
                completed == null ? null : completed.toInstant(), row.getObject(10, UUID.class), attempts(connection, id));
    }

    private static List<WebhookDeliveryView.Attempt> attempts(Connection connection, UUID deliveryId) throws SQLException {
        List<WebhookDeliveryView.Attempt> attempts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
            query.setObject(1, deliveryId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new WebhookDeliveryView.Attempt(rows.getTimestamp(1).toInstant(), (Integer) rows.getObject(2),
                            rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return attempts;
    }

    private void requireWebhook(UUID callerId, UUID projectId, UUID webhookId) throws SQLException {
        requireOwner(callerId, projectId);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM notifications.webhook WHERE id = ? AND project_id = ?")) {
            query.setObject(1, webhookId);
            query.setObject(2, projectId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Webhook " + webhookId);
                }
            }
        }
    }

    /** Only the project's owner: co-owners, reviewers and everyone else are told it does not exist. */
    private void requireOwner(UUID callerId, UUID projectId) {
        projects.find(projectId).filter(project -> project.ownerId().equals(callerId))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    private static int count(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COUNT)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** 32 random bytes: as strong as the HMAC-SHA256 key can use. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
