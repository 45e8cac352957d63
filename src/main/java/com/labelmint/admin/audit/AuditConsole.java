package com.labelmint.admin.audit;

import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import com.labelmint.platform.paging.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The audit log's page: newest first, filtered by who acted, what they did and to which object. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditConsole {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final Visitor visitor;

    AuditConsole(AuditLog audit, Visitor visitor) {
        this.audit = audit;
        this.visitor = visitor;
    }

    @GET
    public Response entries(@QueryParam("actor") String actor, @QueryParam("action") String action,
                            @QueryParam("target") String target, @QueryParam("before") String before) {
        return ConsoleProblems.attempt(visitor, () -> {
            Filters filters = new Filters().with("actor", actor).with("action", action).with("target", target);
            AuditLog.Filter filter = new AuditLog.Filter(FormValues.id("actor", actor, "an account id"),
                    FormValues.bounded("action", action, 100), FormValues.bounded("target", target, 100));
            Page<AuditEntry> page = audit.entries(filter, before, PAGE_SIZE);
            return Response.ok(Pages.audit(Chrome.of(visitor), filters, page,
                    filters.nextPage("/admin/audit", "before", page.next())).render()).build();
        });
    }
}
