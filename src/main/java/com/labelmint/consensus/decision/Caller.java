package com.labelmint.consensus.decision;

import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking for a dispute or a review: their account and whether they act as an admin. */
public record Caller(UUID id, boolean admin) {

    /** The bearer of an API access token. */
    static Caller of(JsonWebToken token) {
        return new Caller(UUID.fromString(token.getSubject()), token.getGroups().contains("admin"));
    }
}
