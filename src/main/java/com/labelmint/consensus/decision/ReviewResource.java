package com.labelmint.consensus.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /api/v1/reviews/{itemId}}: a reviewer's final label for an item waiting for review. */
@Path("/api/v1/reviews")
@RolesAllowed({"reviewer", "client", "admin"})
public class ReviewResource {

    private final Reviews reviews;
    private final JsonWebToken caller;

    ReviewResource(Reviews reviews, JsonWebToken caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void decide(@PathParam("itemId") long itemId, @NotNull @Valid ReviewDecision decision) throws SQLException {
        reviews.decide(Caller.of(caller), itemId, decision);
    }
}
