package com.labelmint.auth.password;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt through Elytron: a well-kept implementation, cost from configuration (at least 12). */
@ApplicationScoped
public class PasswordHasher {

    private static final int LEAST_COST = 12;

    private final int cost;
    /** Checked against when an e-mail is unknown, so a miss costs as much time as a wrong password. */
    private final String decoy;

    PasswordHasher(@ConfigProperty(name = "labelmint.auth.bcrypt-cost", defaultValue = "12") int cost) {
        // The floor keeps a weakened setting out of every running application. Only the test profile goes below it:
        // the suite signs up thousands of people, a quarter of a second of CPU each at cost 12.
        if (cost < LEAST_COST && LaunchMode.current() != LaunchMode.TEST) {
            throw new IllegalArgumentException("labelmint.auth.bcrypt-cost must be at least " + LEAST_COST + ", was " + cost);
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
