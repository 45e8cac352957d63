package com.labelmint.platform.events.canary;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes batches of canary events and reports their delivery: an end-to-end check of the bus
 * for operators, and the load generator of the outbox benchmark. Off unless
 * {@code labelmint.ops.canary.enabled} is true.
 */
@Path("/api/v1/ops/event-canaries")
@Produces(MediaType.APPLICATION_JSON)
public class CanaryResource {

    private final EventPublisher events;
    private final CanaryReceipts receipts;
    private final boolean enabled;

    CanaryResource(EventPublisher events, CanaryReceipts receipts,
                   @ConfigProperty(name = "labelmint.ops.canary.enabled", defaultValue = "false") boolean enabled) {
        this.events = events;
        this.receipts = receipts;
        this.enabled = enabled;
    }

    public record CanaryRequest(@NotNull @Min(1) @Max(1_000_000) Integer count,
                                @Min(1) @Max(10_000) Integer perTransaction) {
    }

    public record CanaryBatch(UUID batchId, int published) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CanaryBatch publish(@Valid @NotNull CanaryRequest request) {
        requireEnabled();
        UUID batchId = UUID.randomUUID();
        int perTransaction = request.perTransaction() == null ? 1 : request.perTransaction();
        for (int first = 0; first < request.count(); first += perTransaction) {
            int from = first;
            int to = Math.min(request.count(), first + perTransaction);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int sequence = from; sequence < to; sequence++) {
                    events.publish(new CanaryEvent(UUID.randomUUID(), Instant.now(), batchId, sequence));
                }
            });
        }
        return new CanaryBatch(batchId, request.count());
    }

    @GET
    @Path("/{batchId}")
    public CanaryReceipts.BatchReport report(@PathParam("batchId") UUID batchId) throws SQLException {
        requireEnabled();
        return receipts.report(batchId);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ProblemException.notFound("The event canary (labelmint.ops.canary.enabled is off)");
        }
    }
}
