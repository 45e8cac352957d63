package com.labelmint.users.admin;

import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.account.Account;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds accounts for admins: by a fragment of the display name or Telegram username, or by exact id;
 * filtered by role and ban; newest first, read by keyset.
 *
 * <p>Native SQL because the role filter is PostgreSQL's {@code = ANY(roles)} on a {@code text[]}, which
 * HQL's array functions bind as {@code varchar[]} and PostgreSQL then refuses. The match is a plain
 * {@code ILIKE} scan: admin searches are rare and the account table is small next to items and answers;
 * a trigram index is the next step if it ever shows up in the slow-query log.
 */
@ApplicationScoped
public class AccountSearch {

    private final EntityManager entityManager;
    private final Clock clock;

    AccountSearch(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public record Criteria(String text, Role role, Boolean banned) {
    }

    public Page<AccountView> search(Criteria criteria, String after, int limit) {
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("SELECT * FROM users.account WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria.text() != null && !criteria.text().isBlank()) {
            String text = criteria.text().trim();
            sql.append(" AND (display_name ILIKE :pattern OR telegram_username ILIKE :pattern");
            parameters.put("pattern", "%" + likeEscaped(text) + "%");
            UUID exactId = uuidOrNull(text);
            if (exactId != null) {
                sql.append(" OR id = :exactId");
                parameters.put("exactId", exactId);
            }
            sql.append(")");
        }
        if (criteria.role() != null) {
            sql.append(" AND CAST(:role AS text) = ANY (roles)");
            parameters.put("role", criteria.role().wireName());
        }
        if (criteria.banned() != null) {
            sql.append(criteria.banned() ? " AND banned_until > :now" : " AND (banned_until IS NULL OR banned_until <= :now)");
            parameters.put("now", now);
        }
        NewestFirstCursor cursor = NewestFirstCursor.parse(after);
        if (cursor != null) {
            sql.append(" AND (created_at, id) < (:afterCreated, :afterId)");
            parameters.put("afterCreated", cursor.createdAt());
            parameters.put("afterId", cursor.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :fetch");
        parameters.put("fetch", limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString(), Account.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Account> fetched = query.getResultList();
        return Page.fromOneExtra(fetched, limit, account -> new NewestFirstCursor(account.createdAt, account.id).encoded())
                .map(account -> account.view(now));
    }

    /** ILIKE's wildcards typed by the admin are matched literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
