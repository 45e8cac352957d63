package com.labelmint.notifications.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /api/v1/projects/{id}/webhooks}: the project owner's endpoints for its events, and their delivery log. */
@Path("/api/v1/projects/{projectId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("client")
public class WebhookResource {

    private final Webhooks webhooks;
    private final JsonWebToken token;

    WebhookResource(Webhooks webhooks, JsonWebToken token) {
        this.webhooks = webhooks;
        this.token = token;
    }

    /** Answers 201 with the endpoint and its signing secret, which is never shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("projectId") UUID projectId, @NotNull @Valid NewWebhook webhook) throws SQLException {
        return Response.status(Response.Status.CREATED).entity(webhooks.register(callerId(), projectId, webhook)).build();
    }

    @GET
    public List<WebhookView> list(@PathParam("projectId") UUID projectId) throws SQLException {
        return webhooks.list(callerId(), projectId);
    }

    @DELETE
    @Path("/{webhookId}")
    public void delete(@PathParam("projectId") UUID projectId, @PathParam("webhookId") UUID webhookId) throws SQLException {
        webhooks.delete(callerId(), projectId, webhookId);
    }

    @GET
    @Path("/{webhookId}/deliveries")
    public List<WebhookDeliveryView> deliveries(@PathParam("projectId") UUID projectId, @PathParam("webhookId") UUID webhookId)
            throws SQLException {
        return webhooks.deliveries(callerId(), projectId, webhookId);
    }

    /** Answers 202 with the new delivery, sent as soon as the sender gets to it. */
    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redelivery")
    public Response redeliver(@PathParam("projectId") UUID projectId, @PathParam("webhookId") UUID webhookId,
                              @PathParam("deliveryId") UUID deliveryId) throws SQLException {
        return Response.accepted(webhooks.redeliver(callerId(), projectId, webhookId, deliveryId)).build();
    }

    private UUID callerId() {
        return UUID.fromString(token.getSubject());
    }
}
