package com.labelmint.notifications.follow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/notifications/follows}: projects whose new tasks the labeler wants to hear of (as one digest). */
@Path("/api/v1/notifications/follows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("labeler")
public class FollowResource {

    private final Follows follows;
    private final JsonWebToken token;

    FollowResource(Follows follows, JsonWebToken token) {
        this.follows = follows;
        this.token = token;
    }

    @GET
    public List<Follows.FollowView> list() throws SQLException {
        return follows.of(callerId());
    }

    @PUT
    @Path("/{projectId}")
    public void follow(@PathParam("projectId") UUID projectId) throws SQLException {
        follows.follow(callerId(), projectId);
    }

    @DELETE
    @Path("/{projectId}")
    public void unfollow(@PathParam("projectId") UUID projectId) throws SQLException {
        follows.unfollow(callerId(), projectId);
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
