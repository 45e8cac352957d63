package com.labelmint.consensus.refit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /api/v1/projects/{projectId}/consensus/refit}: a Dawid–Skene pass over the project now, for its managers. */
@Path("/api/v1/projects/{projectId}/consensus/refit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"client", "admin"})
public class RefitResource {

    private final ProjectRefit refit;
    private final JsonWebToken caller;

    RefitResource(ProjectRefit refit, JsonWebToken caller) {
        this.refit = refit;
        this.caller = caller;
    }

    @POST
    public RefitSummary refit(@PathParam("projectId") UUID projectId) throws SQLException {
        return refit.refit(refit.managedBy(UUID.fromString(caller.getSubject()), caller.getGroups().contains("admin"), projectId));
    }
}
