package com.labelmint.users.reputation;

import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.Reputation;
import com.labelmint.users.api.ReputationMove;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in labeler's own reputation and how it moved. */
@Path("/api/v1/users/me/reputation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MyReputationResource {

    private final ReputationService reputations;
    private final JsonWebToken token;

    MyReputationResource(ReputationService reputations, JsonWebToken token) {
        this.reputations = reputations;
        this.token = token;
    }

    @GET
    public Reputation reputation() {
        return reputations.reputation(me());
    }

    @GET
    @Path("/history")
    public Page<ReputationMove> history(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                        @QueryParam("before") String before) {
        return reputations.history(me(), Page.numericCursor(before), limit);
    }

    private UUID me() {
        return UUID.fromString(token.getSubject());
    }
}
