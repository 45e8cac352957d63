package com.labelmint.notifications.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/notifications/preferences}: which channels the signed-in person wants per kind, and quiet hours. */
@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"labeler", "client", "reviewer", "admin"})
public class PreferencesResource {

    private final Preferences preferences;
    private final JsonWebToken token;

    PreferencesResource(Preferences preferences, JsonWebToken token) {
        this.preferences = preferences;
        this.token = token;
    }

    @GET
    public PreferencesView view() throws SQLException {
        return preferences.view(callerId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferencesView replace(@NotNull PreferencesUpdate update) throws SQLException {
        return preferences.replace(callerId(), update);
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
