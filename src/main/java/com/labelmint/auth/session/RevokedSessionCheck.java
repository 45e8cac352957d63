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
 * refresh token, a ban): without this it would work until it expires. A session found active a
 * moment ago is not read again ({@link RecentlyActiveSessions}).
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    private final SessionService sessions;
    private final RecentlyActiveSessions recentlyActive;

    RevokedSessionCheck(SessionService sessions, RecentlyActiveSessions recentlyActive) {
        this.sessions = sessions;
        this.recentlyActive = recentlyActive;
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
        UUID sessionId;
        try {
            sessionId = UUID.fromString(sessionClaim);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed session claim"));
        }
        if (recentlyActive.knownActive(sessionId)) {
            return Uni.createFrom().item(identity); // no worker thread and no transaction for a session checked seconds ago
        }
        return context.runBlocking(() -> {
            if (!recentlyActive.isActive(sessionId, () -> QuarkusTransaction.requiringNew().call(() -> sessions.isActive(sessionId)))) {
                throw new AuthenticationFailedException("Session revoked");
            }
            return identity;
        });
    }
}
