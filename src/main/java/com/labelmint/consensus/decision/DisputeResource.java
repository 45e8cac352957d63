package com.labelmint.consensus.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/disputes}: open a dispute, read it, and (admins) list and settle them. */
@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

    private final Disputes disputes;
    private final JsonWebToken token;

    DisputeResource(Disputes disputes, JsonWebToken token) {
        this.disputes = disputes;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"labeler", "client", "admin"})
    public Dispute open(@NotNull @Valid DisputeRequest request) throws SQLException {
        return disputes.open(caller(), request);
    }

    @GET
    @RolesAllowed("admin")
    public List<Dispute> openDisputes(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) throws SQLException {
        return disputes.open(limit);
    }

    @GET
    @Path("/{disputeId}")
    @RolesAllowed({"labeler", "client", "admin"})
    public Dispute find(@PathParam("disputeId") UUID disputeId) throws SQLException {
        return disputes.find(caller(), disputeId);
    }

    @POST
    @Path("/{disputeId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Dispute resolve(@PathParam("disputeId") UUID disputeId, @NotNull @Valid DisputeResolution resolution) throws SQLException {
        return disputes.resolve(caller(), disputeId, resolution);
    }

    private Caller caller() {
        return Caller.of(token);
    }
}
