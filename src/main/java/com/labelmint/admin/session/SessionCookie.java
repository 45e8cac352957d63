package com.labelmint.admin.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it along), limited to /admin, Secure unless configured off for plain-HTTP development, and without
 * Max-Age: the server decides when it ends, and a closed browser forgets it.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "labelmint_admin";
    private static final String PATH = "/admin";

    private final boolean secure;

    SessionCookie(@ConfigProperty(name = "labelmint.admin.session.secure-cookie") boolean secure) {
        this.secure = secure;
    }

    public NewCookie carrying(String sessionId) {
        return cookie(sessionId, NewCookie.DEFAULT_MAX_AGE);
    }

    /** Tells the browser to forget the cookie. */
    public NewCookie cleared() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
