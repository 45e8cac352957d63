package com.labelmint.auth.throttle;

import com.labelmint.auth.credential.Emails;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.ratelimit.Quota;
import com.labelmint.platform.ratelimit.QuotaState;
import com.labelmint.platform.ratelimit.RateLimitConfig;
import com.labelmint.platform.ratelimit.RateLimitStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brute-force protection for sign-in: failed attempts (wrong password, wrong second factor) are
 * counted per account and per client address in the rate-limit store (Redis, or in-process
 * without it). Once either budget is spent, every attempt is refused with 429 — even one with the
 * right password — until the budget refills. Unknown e-mails are counted like known ones, so the
 * answers reveal nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimitStore store;
    private final String keyPrefix;
    private final int failuresPerAccount;
    private final int failuresPerAddress;
    private final Duration window;

    LoginThrottle(RateLimitStore store, RateLimitConfig rateLimits,
                  @ConfigProperty(name = "labelmint.auth.login-throttle.failures-per-account", defaultValue = "5") int failuresPerAccount,
                  @ConfigProperty(name = "labelmint.auth.login-throttle.failures-per-address", defaultValue = "50") int failuresPerAddress,
                  @ConfigProperty(name = "labelmint.auth.login-throttle.window", defaultValue = "15m") Duration window) {
        this.store = store;
        this.keyPrefix = rateLimits.keyPrefix() + "login-failures:";
        this.failuresPerAccount = failuresPerAccount;
        this.failuresPerAddress = failuresPerAddress;
        this.window = window;
    }

    /** Refuses with 429 when this account or address has failed too often lately. */
    public void checkAllowed(String email, String clientAddress) {
        List<QuotaState> states = store.peek(quotas(email, clientAddress)).await().indefinitely();
        long retryAfterMicros = states.stream().filter(state -> !state.allowed())
                .mapToLong(QuotaState::retryAfterMicros).max().orElse(-1);
        if (retryAfterMicros >= 0) {
            long seconds = Math.max(1, (retryAfterMicros + 999_999) / 1_000_000);
            throw new ProblemException(429, "too-many-failed-logins", "Too many requests",
                    "Too many failed sign-ins for this account or address; try again in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }

    public void recordFailure(String email, String clientAddress) {
        store.acquire(quotas(email, clientAddress)).await().indefinitely();
    }

    private List<Quota> quotas(String email, String clientAddress) {
        return List.of(new Quota(keyPrefix + "account:" + fingerprint(Emails.normalise(email)), failuresPerAccount, window),
                new Quota(keyPrefix + "address:" + clientAddress, failuresPerAddress, window));
    }

    /** E-mails stay out of Redis keys: a hash names the account's counter just as well. */
    private static String fingerprint(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
