package com.labelmint.users.referral;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person's referral link and how many accounts it brought (admins see anyone's at /users/{id}/referral). */
@Path("/api/v1/users/me/referral")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MyReferralResource {

    private final Referrals referrals;
    private final JsonWebToken token;

    MyReferralResource(Referrals referrals, JsonWebToken token) {
        this.referrals = referrals;
        this.token = token;
    }

    @GET
    public Referral mine() {
        return referrals.of(UUID.fromString(token.getSubject()));
    }
}
