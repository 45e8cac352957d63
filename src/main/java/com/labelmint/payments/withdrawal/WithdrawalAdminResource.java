package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/admin/withdrawals}: every withdrawal, and the decisions on the large ones. */
@Path("/api/v1/admin/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class WithdrawalAdminResource {

    private final WithdrawalDecisions decisions;
    private final JsonWebToken token;

    WithdrawalAdminResource(WithdrawalDecisions decisions, JsonWebToken token) {
        this.decisions = decisions;
        this.token = token;
    }

    /** Newest first; {@code status} narrows it (e.g. {@code awaiting_approval}). */
    @GET
    public Page<AdminWithdrawalView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return decisions.page(status, cursor, limit);
    }

    @POST
    @Path("/{withdrawalId}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminWithdrawalView approve(@PathParam("withdrawalId") UUID withdrawalId, WithdrawalDecision decision) throws SQLException {
        return decisions.approve(callerId(), withdrawalId, decision == null ? null : decision.reason());
    }

    @POST
    @Path("/{withdrawalId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminWithdrawalView reject(@PathParam("withdrawalId") UUID withdrawalId, WithdrawalDecision decision) throws SQLException {
        return decisions.reject(callerId(), withdrawalId, decision == null ? null : decision.reason());
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
