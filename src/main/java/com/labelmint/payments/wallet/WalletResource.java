package com.labelmint.payments.wallet;

import com.labelmint.payments.deposit.DepositAddress;
import com.labelmint.payments.deposit.DepositAddresses;
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

/** {@code /api/v1/wallet}: the signed-in person's balances, history and deposit instructions. */
@Path("/api/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    private final Wallets wallets;
    private final DepositAddresses depositAddresses;
    private final JsonWebToken token;

    WalletResource(Wallets wallets, DepositAddresses depositAddresses, JsonWebToken token) {
        this.wallets = wallets;
        this.depositAddresses = depositAddresses;
        this.token = token;
    }

    @GET
    @RolesAllowed({"labeler", "client", "reviewer", "admin"})
    public WalletView wallet(@QueryParam("cursor") String cursor,
                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return wallets.wallet(callerId(), cursor, limit);
    }

    /** The hot wallet's address and the caller's own memo: USDT sent there with the memo as comment is theirs. */
    @GET
    @Path("/deposit-address")
    @RolesAllowed({"labeler", "client", "reviewer", "admin"})
    public DepositAddress depositAddress() {
        return depositAddresses.of(callerId());
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
