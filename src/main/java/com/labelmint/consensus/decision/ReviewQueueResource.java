package com.labelmint.consensus.decision;

import com.labelmint.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/v1/projects/{projectId}/reviews}: the project's items waiting for a reviewer, oldest item first. */
@Path("/api/v1/projects/{projectId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"reviewer", "client", "admin"})
public class ReviewQueueResource {

    private final Reviews reviews;
    private final JsonWebToken caller;

    ReviewQueueResource(Reviews reviews, JsonWebToken caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    public Page<ReviewItem> pending(@PathParam("projectId") UUID projectId,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                    @QueryParam("after") String after) throws SQLException {
        return reviews.pending(Caller.of(caller), projectId, limit, after);
    }
}
