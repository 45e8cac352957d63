package com.labelmint.admin.users;

import com.labelmint.admin.audit.AuditLog;
import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.Confirmation;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.ConsoleResponses;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.RoleChoice;
import com.labelmint.admin.web.Visitor;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.ReputationMove;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Users: search, a person's profile, roles and reputation history; ban and unban. Every change goes to the audit log. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
public class UsersConsole {

    private static final int PAGE_SIZE = 25;

    private final UsersApi users;
    private final AuditLog audit;
    private final Visitor visitor;
    private final Clock clock;

    UsersConsole(UsersApi users, AuditLog audit, Visitor visitor, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.visitor = visitor;
        this.clock = clock;
    }

    @GET
    public Response search(@QueryParam("q") String text, @QueryParam("role") String role,
                           @QueryParam("banned") String banned, @QueryParam("after") String after) {
        return ConsoleProblems.attempt(visitor, () -> {
            Filters filters = new Filters().with("q", text).with("role", role).with("banned", banned);
            Page<AccountView> page = users.search(FormValues.bounded("q", text, 100), FormValues.role(role),
                    FormValues.yesNo("banned", banned), after, PAGE_SIZE);
            return Response.ok(Pages.users(Chrome.of(visitor), filters, page,
                    filters.nextPage("/admin/users", "after", page.next())).render()).build();
        });
    }

    @GET
    @Path("/{accountId}")
    public Response profile(@PathParam("accountId") UUID accountId, @QueryParam("before") String before) {
        return ConsoleProblems.attempt(visitor, () -> {
            AccountView account = find(accountId);
            Page<ReputationMove> history = users.reputationHistory(accountId, before, PAGE_SIZE);
            List<RoleChoice> roles = Arrays.stream(Role.values())
                    .map(role -> new RoleChoice(role.wireName(), account.hasRole(role))).toList();
            String defaultBanEnd = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7).toString();
            return Response.ok(Pages.user(Chrome.of(visitor), account, users.reputation(accountId), history,
                    new Filters().nextPage("/admin/users/" + accountId, "before", history.next()), roles, defaultBanEnd)
                    .render()).build();
        });
    }

    /** Bans until the end of the given day (UTC); the first post shows a confirmation, the second bans. */
    @POST
    @Path("/{accountId}/ban")
    public Response ban(@PathParam("accountId") UUID accountId, @FormParam("csrf") String csrf,
                        @FormParam("reason") String reason, @FormParam("until") String until,
                        @FormParam("confirmed") String confirmed) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            String why = FormValues.required("reason", reason, 500);
            Instant end = FormValues.endOfDay("until", until);
            AccountView account = find(accountId);
            if (!"yes".equals(confirmed)) {
                return ConsoleResponses.confirm(visitor, new Confirmation("Ban " + account.displayName() + " until " + end + "? Reason: " + why,
                        "/admin/users/" + accountId + "/ban", Map.of("reason", why, "until", until), profilePath(accountId)));
            }
            audit.recordChange(visitor.accountId(), "user.ban", "account", accountId.toString(), why, () -> find(accountId),
                    () -> users.ban(accountId, why, end, visitor.accountId()));
            return ConsoleResponses.backTo(profilePath(accountId));
        });
    }

    @POST
    @Path("/{accountId}/unban")
    public Response unban(@PathParam("accountId") UUID accountId, @FormParam("csrf") String csrf) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            audit.recordChange(visitor.accountId(), "user.unban", "account", accountId.toString(), null, () -> find(accountId),
                    () -> users.unban(accountId, visitor.accountId()));
            return ConsoleResponses.backTo(profilePath(accountId));
        });
    }

    @POST
    @Path("/{accountId}/roles")
    public Response roles(@PathParam("accountId") UUID accountId, @FormParam("csrf") String csrf,
                          @FormParam("role") List<String> roles) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            if (roles != null) {
                roles.forEach(role -> chosen.add(FormValues.role(role)));
            }
            audit.recordChange(visitor.accountId(), "user.roles", "account", accountId.toString(), null, () -> find(accountId),
                    () -> users.setRoles(accountId, chosen, visitor.accountId()));
            return ConsoleResponses.backTo(profilePath(accountId));
        });
    }

    private AccountView find(UUID accountId) {
        return users.find(accountId).orElseThrow(() -> ProblemException.notFound("Account " + accountId));
    }

    private static String profilePath(UUID accountId) {
        return "/admin/users/" + accountId;
    }
}
