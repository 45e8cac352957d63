package com.labelmint.notifications.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Queues an event for every endpoint of the project that subscribed to it, in the caller's transaction: one delivery
 * per (endpoint, event), however often the event arrives. The body is fixed here, so every attempt and every
 * redelivery sends the same bytes: {@code {"id", "type", "createdAt", "projectId", "data"}}.
 */
@ApplicationScoped
public class WebhookQueue {

    private static final String ENQUEUE = """
            INSERT INTO notifications.webhook_delivery (id, webhook_id, event_id, event_type, body, next_attempt_at, give_up_at, created_at)
            SELECT gen_random_uuid(), w.id, ?, ?, ?, ?, ?, ? FROM notifications.webhook w
            WHERE w.project_id = ? AND ? = ANY (w.events)
            ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING""";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retryFor;

    WebhookQueue(DataSource dataSource, ObjectMapper json, Clock clock, WebhooksConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.retryFor = config.retryFor();
    }

    public void enqueue(UUID projectId, WebhookEventType type, UUID eventId, Instant occurredAt, ObjectNode data) throws SQLException {
        ObjectNode body = json.createObjectNode().put("id", eventId.toString()).put("type", type.wireName())
                .put("createdAt", occurredAt.toString()).put("projectId", projectId.toString());
        body.set("data", data);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setObject(1, eventId);
            insert.setString(2, type.wireName());
            insert.setString(3, json.writeValueAsString(body));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(retryFor)));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setObject(7, projectId);
            insert.setString(8, type.wireName());
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A webhook body that is not JSON: " + body, e);
        }
    }

    public ObjectNode data() {
        return json.createObjectNode();
    }
}
