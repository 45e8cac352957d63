package com.labelmint.consensus.overlap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/v1/projects/{projectId}/consensus/overlap-savings}: what dynamic overlap saved, for the project's managers. */
@Path("/api/v1/projects/{projectId}/consensus/overlap-savings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"client", "admin"})
public class OverlapSavingsResource {

    private final OverlapSavings savings;
    private final JsonWebToken caller;

    OverlapSavingsResource(OverlapSavings savings, JsonWebToken caller) {
        this.savings = savings;
        this.caller = caller;
    }

    @GET
    public OverlapSavingsReport report(@PathParam("projectId") UUID projectId) throws SQLException {
        return savings.report(UUID.fromString(caller.getSubject()), caller.getGroups().contains("admin"), projectId);
    }
}
