package com.labelmint.auth.session;

import com.labelmint.auth.token.AccessTokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses an access token whose session was revoked (sign-out, sign-out everywhere, a reused
 * refresh token, a ban): without this it would work until it expires.
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    private final SessionService sessions;

    RevokedSessionCheck(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String sessionClaim = token.getClaim(AccessTokenIssuer.SESSION_CLAIM);
        if (sessionClaim == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token without a session"));
        }
        return context.runBlocking(() -> {
            UUID sessionId;
            try {
                sessionId = UUID.fromString(sessionClaim);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationFailedException("Malformed session claim");
            }
            if (!QuarkusTransaction.requiringNew().call(() -> sessions.isActive(sessionId))) {
                throw new AuthenticationFailedException("Session revoked");
            }
            return identity;
        });
    }
}
