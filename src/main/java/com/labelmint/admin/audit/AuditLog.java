package com.labelmint.admin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.paging.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The append-only record of admin actions (admin.audit_entry; its triggers refuse UPDATE, DELETE and TRUNCATE).
 * An entry is written in the transaction of the action it describes: both happen, or neither.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** What to look for; any part may be null. */
    public record Filter(UUID actorId, String action, String targetId) {
    }

    /** Records an action; {@code before} and {@code after} are written as JSON (null for none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID actorId, String action, String targetType, String targetId, String reason,
                       Object before, Object after) {
        entityManager.createNativeQuery("INSERT INTO admin.audit_entry (at, actor_id, action, target_type, target_id, reason, before, after) "
                        + "VALUES (:at, :actor, :action, :targetType, :targetId, :reason, CAST(:before AS jsonb), CAST(:after AS jsonb))")
                .setParameter("at", clock.instant())
                .setParameter("actor", actorId)
                .setParameter("action", action)
                .setParameter("targetType", targetType)
                .setParameter("targetId", targetId)
                .setParameter("reason", reason)
                .setParameter("before", asJson(before))
                .setParameter("after", asJson(after))
                .executeUpdate();
    }

    /**
     * Makes a change and records it in a transaction of their own: the target is read before the change, the change
     * returns the target after it, and both happen or neither does.
     */
    public void recordChange(UUID actorId, String action, String targetType, String targetId, String reason,
                             Supplier<?> before, Supplier<?> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Object was = before.get();
            record(actorId, action, targetType, targetId, reason, was, change.get());
        });
    }

    /** Newest first; {@code before} is the previous page's cursor (an entry id). */
    public Page<AuditEntry> entries(Filter filter, String before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor_id, action, target_type, target_id, reason, "
                + "CAST(before AS text), CAST(after AS text) FROM admin.audit_entry WHERE id < :before");
        Map<String, Object> parameters = new LinkedHashMap<>();
        Long cursor = Page.numericCursor(before);
        parameters.put("before", cursor == null ? Long.MAX_VALUE : cursor);
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = :actor");
            parameters.put("actor", filter.actorId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.targetId() != null) {
            sql.append(" AND target_id = :targetId");
            parameters.put("targetId", filter.targetId());
        }
        sql.append(" ORDER BY id DESC LIMIT :fetch");
        parameters.put("fetch", limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.fromOneExtra(rows.stream().map(AuditLog::entry).toList(), limit, entry -> Long.toString(entry.id()));
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (UUID) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }

    /** Hibernate hands timestamptz back as one of these, depending on its settings. */
    private static Instant instant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private String asJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the audit state as JSON", e);
        }
    }
}
