package com.labelmint.notifications.delivery;

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
import java.util.UUID;

/** {@code /api/v1/admin/notification-deliveries}: deliveries by state, newest first, and a retry for a failed one. */
@Path("/api/v1/admin/notification-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeliveryAdminResource {

    private final DeliveryAdministration deliveries;

    DeliveryAdminResource(DeliveryAdministration deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public Page<DeliveryView> list(@QueryParam("status") @DefaultValue("failed") String status,
                                   @QueryParam("cursor") @Size(max = 200) String cursor,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        return deliveries.page(status, cursor, limit);
    }

    @POST
    @Path("/{deliveryId}/retry")
    public void retry(@PathParam("deliveryId") UUID deliveryId) throws SQLException {
        deliveries.retry(deliveryId);
    }
}
