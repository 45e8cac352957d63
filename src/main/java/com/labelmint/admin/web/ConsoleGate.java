package com.labelmint.admin.web;

import com.labelmint.admin.session.ConsoleSessions;
import com.labelmint.admin.session.SessionCookie;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to the console's pages: a live session (or off to sign-in, 303), an account that still exists
 * and is not banned, and a role the page allows (or a 403 page). Roles are read from the account on every
 * request, so a role taken away or a ban ends access at once; admin counts only for a session that passed TOTP.
 */
public class ConsoleGate {

    static final URI SIGN_IN = URI.create("/admin/login");

    private final ConsoleSessions sessions;
    private final SessionCookie cookie;
    private final UsersApi users;
    private final Visitor visitor;

    ConsoleGate(ConsoleSessions sessions, SessionCookie cookie, UsersApi users, Visitor visitor) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.users = users;
        this.visitor = visitor;
    }

    @ServerRequestFilter
    public Response admit(ContainerRequestContext request, ResourceInfo resource) {
        Method page = resource.getResourceMethod();
        if (page == null || !page.getDeclaringClass().getPackageName().startsWith("com.labelmint.admin")
                || page.isAnnotationPresent(OpenToAll.class)) {
            return null;
        }
        Cookie presented = request.getCookies().get(SessionCookie.NAME);
        String sessionId = presented == null ? null : presented.getValue();
        Optional<ConsoleSessions.Live> session = sessions.resume(sessionId);
        Optional<AccountView> account = session.flatMap(live -> users.find(live.accountId())).filter(found -> !found.banned());
        if (account.isEmpty()) {
            sessions.end(sessionId);
            return Response.seeOther(SIGN_IN).cookie(cookie.cleared()).build();
        }
        Set<Role> roles = EnumSet.copyOf(account.get().roles());
        if (!session.get().secondFactor()) {
            roles.remove(Role.ADMIN);
        }
        visitor.admit(session.get(), account.get(), roles);
        boolean reviewersToo = page.isAnnotationPresent(ReviewersToo.class)
                || page.getDeclaringClass().isAnnotationPresent(ReviewersToo.class);
        boolean allowed = page.isAnnotationPresent(AnyoneSignedIn.class) || roles.contains(Role.ADMIN)
                || reviewersToo && roles.contains(Role.REVIEWER);
        if (!allowed) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Pages.forbidden(Chrome.of(visitor), account.get().hasRole(Role.ADMIN)
                            ? "Admin pages need a sign-in with a TOTP code: turn two-factor sign-in on for this account first."
                            : "Your account has no access to this page of the admin console.").render())
                    .build();
        }
        return null;
    }
}
