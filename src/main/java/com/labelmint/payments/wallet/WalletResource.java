package com.labelmint.payments.wallet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/v1/wallet}: the signed-in person's balances and history. */
@Path("/api/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    private final Wallets wallets;
    private final JsonWebToken token;

    WalletResource(Wallets wallets, JsonWebToken token) {
        this.wallets = wallets;
        this.token = token;
    }

    @GET
    @RolesAllowed({"labeler", "client", "reviewer", "admin"})
    public WalletView wallet(@QueryParam("cursor") String cursor,
                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return wallets.wallet(UUID.fromString(token.getSubject()), cursor, limit);
    }
}
