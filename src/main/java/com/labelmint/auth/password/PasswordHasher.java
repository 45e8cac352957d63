package com.labelmint.auth.password;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt through Elytron: a well-kept implementation, cost from configuration (at least 12). */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Checked against when an e-mail is unknown, so a miss costs as much time as a wrong password. */
    private final String decoy;

    PasswordHasher(@ConfigProperty(name = "labelmint.auth.bcrypt-cost", defaultValue = "12") int cost) {
        if (cost < 12) {
            throw new IllegalArgumentException("labelmint.auth.bcrypt-cost must be at least 12, was " + cost);
        }
        this.cost = cost;
        this.decoy = BcryptUtil.bcryptHash("decoy-password-never-used", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one check without a real hash, to keep timing from revealing accounts. */
    public void spendCheckTime(String password) {
        BcryptUtil.matches(password, decoy);
    }
}
