package com.labelmint.admin.events;

import com.labelmint.admin.audit.AuditLog;
import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventDeliveries;
import com.labelmint.platform.paging.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Event deliveries that need a person — failed, dead or late — and a retry for the failed and dead ones. */
@Path("/admin/events")
@Produces(MediaType.TEXT_HTML)
public class EventsConsole {

    private static final int PAGE_SIZE = 50;

    private final EventDeliveries deliveries;
    private final AuditLog audit;
    private final Visitor visitor;

    EventsConsole(EventDeliveries deliveries, AuditLog audit, Visitor visitor) {
        this.deliveries = deliveries;
        this.audit = audit;
        this.visitor = visitor;
    }

    @GET
    public Response problems(@QueryParam("kind") String kind, @QueryParam("from") String from) {
        return ConsoleProblems.attempt(visitor, () -> {
            EventDeliveries.Problem problem = kind(kind);
            int offset = offset(from);
            // the platform's interface pages by offset; one extra row says whether there is a next page
            List<EventDeliveries.Delivery> fetched = deliveries.problems(problem, offset, PAGE_SIZE + 1);
            Page<EventDeliveries.Delivery> page = Page.fromOneExtra(fetched, PAGE_SIZE, last -> Integer.toString(offset + PAGE_SIZE));
            Filters filters = new Filters().with("kind", problem.name().toLowerCase(Locale.ROOT));
            return Response.ok(Pages.events(Chrome.of(visitor), filters, page, deliveries.backlog(),
                    filters.nextPage("/admin/events", "from", page.next())).render()).build();
        });
    }

    @POST
    @Path("/{eventId}/retry")
    public Response retry(@PathParam("eventId") UUID eventId, @FormParam("csrf") String csrf, @FormParam("kind") String kind) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                EventDeliveries.Delivery before = deliveries.find(eventId)
                        .orElseThrow(() -> ProblemException.notFound("Event " + eventId));
                if (!deliveries.retry(eventId)) {
                    throw ProblemException.conflict("not-retryable", "Only failed or dead deliveries are retried; this one is "
                            + before.status());
                }
                audit.record(visitor.accountId(), "event.retry", "event", eventId.toString(), null,
                        summary(before), summary(deliveries.find(eventId).orElse(before)));
            });
            return Response.seeOther(URI.create("/admin/events?kind=" + kind(kind).name().toLowerCase(Locale.ROOT))).build();
        });
    }

    /** What the audit keeps of a delivery: its state, not the payload (which may carry personal data). */
    private static Map<String, Object> summary(EventDeliveries.Delivery delivery) {
        return Map.of("type", delivery.type(), "status", delivery.status(), "attempts", delivery.attempts());
    }

    private static EventDeliveries.Problem kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return EventDeliveries.Problem.FAILED;
        }
        try {
            return EventDeliveries.Problem.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-filter", "kind is failed, dead or late, not '" + kind + "'");
        }
    }

    private static int offset(String from) {
        Long parsed = Page.numericCursor(from);
        if (parsed == null) {
            return 0;
        }
        if (parsed < 0 || parsed > 1_000_000) {
            throw ProblemException.badRequest("bad-cursor", "Not a cursor this list gave out: " + from);
        }
        return parsed.intValue();
    }
}
