package com.labelmint.auth.token;

import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs short-lived RS256 access tokens: subject = account id, groups = roles, sid = session. */
@ApplicationScoped
public class AccessTokenIssuer {

    public static final String ISSUER = "labelmint";
    public static final String SESSION_CLAIM = "sid";

    private final Clock clock;
    private final Duration lifetime;

    AccessTokenIssuer(Clock clock,
                      @ConfigProperty(name = "labelmint.auth.access-token-lifetime", defaultValue = "15m") Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * @param secondFactor whether the session passed TOTP; recorded as RFC 8176 {@code amr}
     */
    public String issue(AccountView account, UUID sessionId, Set<Role> grantedRoles, boolean secondFactor) {
        Instant now = clock.instant();
        return Jwt.issuer(ISSUER)
                .subject(account.id().toString())
                .upn(account.id().toString())
                .groups(grantedRoles.stream().map(Role::wireName).collect(Collectors.toSet()))
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim("name", account.displayName())
                .claim("amr", secondFactor ? List.of("pwd", "otp") : List.of("pwd"))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
