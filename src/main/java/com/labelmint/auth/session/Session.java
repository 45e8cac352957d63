package com.labelmint.auth.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "session", schema = "auth")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "second_factor", nullable = false)
    public boolean secondFactor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at, String reason) {
        if (revokedAt == null) {
            revokedAt = at;
            revokeReason = reason;
        }
    }
}
