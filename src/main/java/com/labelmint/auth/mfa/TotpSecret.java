package com.labelmint.auth.mfa;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "totp", schema = "auth")
public class TotpSecret extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    public long lastUsedStep;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
