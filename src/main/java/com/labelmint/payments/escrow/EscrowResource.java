package com.labelmint.payments.escrow;

import com.labelmint.platform.money.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/projects/{id}/escrow}: a project's budget, and funding it from the client's balance. */
@Path("/api/v1/projects/{projectId}/escrow")
@Produces(MediaType.APPLICATION_JSON)
public class EscrowResource {

    private final ProjectEscrows escrows;
    private final JsonWebToken token;

    EscrowResource(ProjectEscrows escrows, JsonWebToken token) {
        this.escrows = escrows;
        this.token = token;
    }

    @GET
    @RolesAllowed({"client", "admin"})
    public EscrowView view(@PathParam("projectId") UUID projectId) throws SQLException {
        return escrows.view(callerId(), token.getGroups().contains("admin"), projectId);
    }

    /** Body: {@code {"amount": "250.00", "currency": "USDT"}}; the {@code Idempotency-Key} header makes a retry safe. */
    @POST
    @Path("/fundings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("client")
    public EscrowView fund(@PathParam("projectId") UUID projectId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @NotNull Money amount) throws SQLException {
        return escrows.fund(callerId(), projectId, amount, idempotencyKey);
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
