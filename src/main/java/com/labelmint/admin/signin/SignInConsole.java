package com.labelmint.admin.signin;

import com.labelmint.admin.session.ConsoleSessions;
import com.labelmint.admin.session.SessionCookie;
import com.labelmint.admin.web.OpenToAll;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.AnyoneSignedIn;
import com.labelmint.admin.web.Visitor;
import com.labelmint.auth.api.AuthApi;
import com.labelmint.auth.api.VerifiedSignIn;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.ratelimit.ClientIpResolver;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;

/**
 * Signing in to the console with e-mail, password and TOTP code — checked by the auth module exactly like the
 * API's sign-in, throttle included — and signing out.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class SignInConsole {

    private final AuthApi auth;
    private final ConsoleSessions sessions;
    private final SessionCookie cookie;
    private final ClientIpResolver clientAddresses;
    private final Visitor visitor;

    SignInConsole(AuthApi auth, ConsoleSessions sessions, SessionCookie cookie, ClientIpResolver clientAddresses,
                  Visitor visitor) {
        this.auth = auth;
        this.sessions = sessions;
        this.cookie = cookie;
        this.clientAddresses = clientAddresses;
        this.visitor = visitor;
    }

    @GET
    @Path("/login")
    @OpenToAll
    public Response form() {
        return Response.ok(Pages.login("", null).render()).build();
    }

    @POST
    @Path("/login")
    @OpenToAll
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
                           @FormParam("totpCode") String totpCode, @Context HttpServerRequest http) {
        String address = Objects.toString(email, "").trim();
        if (address.isEmpty() || password == null || password.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Pages.login(address, "Fill in your e-mail and password").render()).build();
        }
        try {
            VerifiedSignIn verified = auth.verifySignIn(address, password,
                    totpCode == null || totpCode.isBlank() ? null : totpCode.trim(), clientAddresses.resolve(http));
            String sessionId = sessions.open(verified.account().id(), verified.secondFactor());
            return Response.seeOther(URI.create("/admin")).cookie(cookie.carrying(sessionId)).build();
        } catch (ProblemException e) {
            Response.ResponseBuilder page = Response.status(e.problem().status()).entity(Pages.login(address, e.problem().detail()).render());
            e.headers().forEach(page::header);
            return page.build();
        }
    }

    /** Ends the session, whoever may see which pages: every signed-in visitor may sign out. */
    @POST
    @Path("/logout")
    @AnyoneSignedIn
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(SessionCookie.NAME) String sessionId) {
        visitor.requireCsrf(csrf);
        sessions.end(sessionId);
        return Response.seeOther(URI.create("/admin/login")).cookie(cookie.cleared()).build();
    }
}
