package com.labelmint.users.admin;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Reputation;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import com.labelmint.users.api.ReputationMove;
import com.labelmint.users.referral.Referral;
import com.labelmint.users.referral.Referrals;
import com.labelmint.users.reputation.ReputationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Admin-only account management: look up, read reputation, appoint roles, ban and unban. */
@Path("/api/v1/users/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AccountAdminResource {

    private final UsersApi users;
    private final AccountAdministration administration;
    private final ReputationService reputations;
    private final Referrals referrals;
    private final JsonWebToken token;

    AccountAdminResource(UsersApi users, AccountAdministration administration, ReputationService reputations,
                         Referrals referrals, JsonWebToken token) {
        this.users = users;
        this.administration = administration;
        this.reputations = reputations;
        this.referrals = referrals;
        this.token = token;
    }

    public record RolesRequest(@NotNull @NotEmpty @Size(max = 4) Set<Role> roles) {
    }

    public record BanRequest(@NotBlank @Size(max = 500) String reason, @NotNull @Future Instant until) {
    }

    @GET
    public AccountView find(@PathParam("accountId") UUID accountId) {
        return users.find(accountId).orElseThrow(() -> ProblemException.notFound("Account " + accountId));
    }

    /** Who brought the account through a referral link, and how many it brought. */
    @GET
    @Path("/referral")
    public Referral referral(@PathParam("accountId") UUID accountId) {
        return referrals.of(accountId);
    }

    @GET
    @Path("/reputation")
    public Reputation reputation(@PathParam("accountId") UUID accountId) {
        return users.reputation(find(accountId).id());
    }

    @GET
    @Path("/reputation/history")
    public Page<ReputationMove> reputationHistory(@PathParam("accountId") UUID accountId,
                                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                                  @QueryParam("before") String before) {
        return reputations.history(find(accountId).id(), Page.numericCursor(before), limit);
    }

    @PUT
    @Path("/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView setRoles(@PathParam("accountId") UUID accountId, @Valid @NotNull RolesRequest request) {
        return administration.setRoles(accountId, request.roles(), admin());
    }

    @POST
    @Path("/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView ban(@PathParam("accountId") UUID accountId, @Valid @NotNull BanRequest request) {
        return administration.ban(accountId, request.reason().trim(), request.until(), admin());
    }

    @POST
    @Path("/unban")
    public AccountView unban(@PathParam("accountId") UUID accountId) {
        return administration.unban(accountId, admin());
    }

    private UUID admin() {
        return UUID.fromString(token.getSubject());
    }
}
