package com.labelmint.consensus.quality;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/v1/consensus/quality}: how consensus sees a labeler — gold accuracy, agreement, speed and confusion
 * matrices — for the labeler themselves ({@code /me}) and for admins (any account).
 */
@Path("/api/v1/consensus/quality")
@Produces(MediaType.APPLICATION_JSON)
public class LabelerQualityResource {

    private final LabelerQualityReports reports;
    private final JsonWebToken caller;

    LabelerQualityResource(LabelerQualityReports reports, JsonWebToken caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Authenticated
    public LabelerQualityReport mine() throws SQLException {
        return reports.report(UUID.fromString(caller.getSubject()));
    }

    @GET
    @Path("/{accountId}")
    @RolesAllowed("admin")
    public LabelerQualityReport of(@PathParam("accountId") UUID accountId) throws SQLException {
        return reports.report(accountId);
    }
}
