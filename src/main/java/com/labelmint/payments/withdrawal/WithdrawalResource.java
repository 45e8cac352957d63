package com.labelmint.payments.withdrawal;

import com.labelmint.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/v1/wallet/withdrawals}: a person's USDT withdrawals to a TON address. Labelers withdraw earnings,
 * clients what they did not spend; both from the one balance.
 */
@Path("/api/v1/wallet/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"labeler", "client"})
public class WithdrawalResource {

    private final WithdrawalRequests withdrawals;
    private final JsonWebToken token;

    WithdrawalResource(WithdrawalRequests withdrawals, JsonWebToken token) {
        this.withdrawals = withdrawals;
        this.token = token;
    }

    /** Body {@code {"amount": "12.5", "address": "UQ…"}} with an {@code Idempotency-Key}: 201 when new, 200 for a replay. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@HeaderParam("Idempotency-Key") String idempotencyKey, WithdrawalOrder order) throws SQLException {
        WithdrawalRequests.Outcome outcome = withdrawals.request(callerId(), idempotencyKey, order);
        if (outcome.replayed()) {
            return Response.ok(outcome.withdrawal()).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(URI.create("/api/v1/wallet/withdrawals/" + outcome.withdrawal().id())).entity(outcome.withdrawal()).build();
    }

    @GET
    public Page<WithdrawalView> list(@QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return withdrawals.ownPage(callerId(), cursor, limit);
    }

    @GET
    @Path("/{withdrawalId}")
    public WithdrawalView one(@PathParam("withdrawalId") UUID withdrawalId) throws SQLException {
        return withdrawals.own(callerId(), withdrawalId);
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
