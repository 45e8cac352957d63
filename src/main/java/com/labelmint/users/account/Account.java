package com.labelmint.users.account;

import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "account", schema = "users")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] roles;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String timezone;

    @Column(name = "telegram_username")
    public String telegramUsername;

    @Column(name = "banned_until")
    public Instant bannedUntil;

    @Column(name = "ban_reason")
    public String banReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The code of this account's referral link; made the first time it is asked for. */
    @Column(name = "referral_code")
    public String referralCode;

    /** Whose referral link brought this account, if any. */
    @Column(name = "referred_by")
    public UUID referredBy;

    @Column(name = "referred_at")
    public Instant referredAt;

    public Set<Role> roleSet() {
        return Arrays.stream(roles).map(Role::fromWireName).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void assignRoles(Set<Role> assigned) {
        roles = assigned.stream().map(Role::wireName).sorted().toArray(String[]::new);
    }

    public boolean bannedAt(Instant now) {
        return bannedUntil != null && bannedUntil.isAfter(now);
    }

    public AccountView view(Instant now) {
        return new AccountView(id, displayName, roleSet(), language, timezone, telegramUsername, bannedAt(now),
                bannedAt(now) ? bannedUntil : null, createdAt);
    }
}
