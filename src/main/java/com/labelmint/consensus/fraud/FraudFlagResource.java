package com.labelmint.consensus.fraud;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.FraudAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** {@code GET /api/v1/admin/fraud-flags}: admins read the flags, by default the ones that ask them to ban a labeler. */
@Path("/api/v1/admin/fraud-flags")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class FraudFlagResource {

    private final FraudFlags flags;

    FraudFlagResource(FraudFlags flags) {
        this.flags = flags;
    }

    @GET
    public Page<FraudFlag> flags(@QueryParam("action") @DefaultValue("request_ban") String action,
                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                 @QueryParam("after") @Size(max = 200) String after) throws SQLException {
        return flags.page(knownAction(action), after, limit);
    }

    private static FraudAction knownAction(String action) {
        try {
            return FraudAction.fromWireName(action);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-fraud-action", e.getMessage());
        }
    }
}
