package com.labelmint.auth.mfa;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "recovery_code", schema = "auth")
public class RecoveryCode extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "used_at")
    public Instant usedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_id")
        public UUID accountId;

        @Column(name = "code_hash")
        public byte[] codeHash;

        public Key() {
        }

        public Key(UUID accountId, byte[] codeHash) {
            this.accountId = accountId;
            this.codeHash = codeHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId) && Arrays.equals(codeHash, key.codeHash);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(accountId) + Arrays.hashCode(codeHash);
        }
    }
}
