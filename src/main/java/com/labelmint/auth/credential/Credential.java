package com.labelmint.auth.credential;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "credential", schema = "auth")
public class Credential extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new credential, e-mail normalised; the caller persists it. */
    public static Credential of(UUID accountId, String email, String passwordHash, Instant now) {
        Credential credential = new Credential();
        credential.accountId = accountId;
        credential.email = Emails.normalise(email);
        credential.passwordHash = passwordHash;
        credential.createdAt = now;
        credential.updatedAt = now;
        return credential;
    }

    public static Optional<Credential> findByEmail(String email) {
        return find("email", Emails.normalise(email)).firstResultOptional();
    }

    public static boolean emailTaken(String email) {
        return count("email", Emails.normalise(email)) > 0;
    }
}
