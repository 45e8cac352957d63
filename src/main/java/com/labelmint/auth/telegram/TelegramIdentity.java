package com.labelmint.auth.telegram;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "telegram_identity", schema = "auth")
public class TelegramIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public Long telegramUserId;

    @Column(name = "account_id", nullable = false, unique = true)
    public UUID accountId;

    public String username;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    public static Optional<TelegramIdentity> ofAccount(UUID accountId) {
        return find("accountId", accountId).firstResultOptional();
    }
}
