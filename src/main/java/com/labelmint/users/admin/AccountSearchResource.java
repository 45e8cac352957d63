package com.labelmint.users.admin;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Admins list and search accounts. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AccountSearchResource {

    private final AccountSearch search;

    AccountSearchResource(AccountSearch search) {
        this.search = search;
    }

    @GET
    public Page<AccountView> search(@QueryParam("q") @Size(max = 100) String text,
                                    @QueryParam("role") String role,
                                    @QueryParam("banned") String banned,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                    @QueryParam("after") @Size(max = 200) String after) {
        return search.search(new AccountSearch.Criteria(text, role == null ? null : knownRole(role), banFilter(banned)), after, limit);
    }

    private static Boolean banFilter(String banned) {
        if (banned == null) {
            return null;
        }
        if (!banned.equals("true") && !banned.equals("false")) {
            throw ProblemException.badRequest("bad-filter", "banned is true or false, not '" + banned + "'");
        }
        return Boolean.valueOf(banned);
    }

    private static Role knownRole(String role) {
        try {
            return Role.fromWireName(role);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-role", e.getMessage());
        }
    }
}
