package com.labelmint.notifications.inapp;

import com.labelmint.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/notifications}: the signed-in person's in-app notifications. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"labeler", "client", "reviewer", "admin"})
public class NotificationResource {

    private final Inbox inbox;
    private final JsonWebToken token;

    NotificationResource(Inbox inbox, JsonWebToken token) {
        this.inbox = inbox;
        this.token = token;
    }

    /** Newest first; {@code cursor} is the {@code next} of the page before. */
    @GET
    public Page<NotificationView> list(@QueryParam("cursor") @Size(max = 200) String cursor,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return inbox.page(callerId(), cursor, limit);
    }

    @GET
    @Path("/unread-count")
    public Map<String, Long> unreadCount() throws SQLException {
        return Map.of("unread", inbox.unread(callerId()));
    }

    @POST
    @Path("/{notificationId}/read")
    public void read(@PathParam("notificationId") UUID notificationId) throws SQLException {
        inbox.read(callerId(), notificationId);
    }

    @POST
    @Path("/read-all")
    public Map<String, Long> readAll() throws SQLException {
        return Map.of("marked", inbox.readAll(callerId()));
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
