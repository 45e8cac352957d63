package com.labelmint.admin.disputes;

import com.labelmint.admin.audit.AuditLog;
import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.Confirmation;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.ConsoleResponses;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.ReviewersToo;
import com.labelmint.admin.web.Visitor;
import com.labelmint.consensus.api.ConsensusApi;
import com.labelmint.consensus.api.DisputeCase;
import com.labelmint.consensus.api.DisputeView;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.tasks.api.ItemData;
import com.labelmint.tasks.api.TasksApi;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Disputes: the open ones oldest first, one with its item and every answer side by side, and the decision with a
 * reason. Reviewers may read the queue and the cases; deciding is for admins, as in the API.
 */
@Path("/admin/disputes")
@Produces(MediaType.TEXT_HTML)
public class DisputesConsole {

    private static final int PAGE_SIZE = 25;

    private final ConsensusApi consensus;
    private final TasksApi tasks;
    private final AuditLog audit;
    private final Visitor visitor;

    DisputesConsole(ConsensusApi consensus, TasksApi tasks, AuditLog audit, Visitor visitor) {
        this.consensus = consensus;
        this.tasks = tasks;
        this.audit = audit;
        this.visitor = visitor;
    }

    @GET
    @ReviewersToo
    public Response queue(@QueryParam("after") String after) {
        return ConsoleProblems.attempt(visitor, () -> {
            Page<DisputeView> page = consensus.openDisputes(after, PAGE_SIZE);
            return Response.ok(Pages.disputes(Chrome.of(visitor), page,
                    new Filters().nextPage("/admin/disputes", "after", page.next())).render()).build();
        });
    }

    @GET
    @Path("/{disputeId}")
    @ReviewersToo
    public Response dispute(@PathParam("disputeId") UUID disputeId) {
        return ConsoleProblems.attempt(visitor, () -> {
            DisputeCase found = find(disputeId);
            ItemData itemData = tasks.itemData(found.dispute().itemId()).orElse(null);
            return Response.ok(Pages.dispute(Chrome.of(visitor), found, itemData).render()).build();
        });
    }

    /** Settles the dispute; dismissing it is confirmed first. */
    @POST
    @Path("/{disputeId}/resolution")
    public Response resolve(@PathParam("disputeId") UUID disputeId, @FormParam("csrf") String csrf,
                            @FormParam("outcome") String outcome, @FormParam("note") String note,
                            @FormParam("label") String label, @FormParam("confirmed") String confirmed) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            String why = FormValues.required("note", note, 2000);
            String decision = FormValues.required("outcome", outcome, 20);
            if ("dismissed".equals(decision) && !"yes".equals(confirmed)) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("outcome", decision);
                fields.put("note", why);
                fields.put("label", label == null ? "" : label);
                return ConsoleResponses.confirm(visitor, new Confirmation(
                        "Dismiss this dispute? The decision stands. Reason: " + why,
                        "/admin/disputes/" + disputeId + "/resolution", fields, "/admin/disputes/" + disputeId));
            }
            audit.recordChange(visitor.accountId(), "dispute." + decision, "dispute", disputeId.toString(), why,
                    () -> find(disputeId).dispute(), () -> consensus.resolveDispute(visitor.accountId(), disputeId, decision, why, label));
            return ConsoleResponses.backTo("/admin/disputes/" + disputeId);
        });
    }

    private DisputeCase find(UUID disputeId) {
        return consensus.disputeCase(disputeId).orElseThrow(() -> ProblemException.notFound("Dispute " + disputeId));
    }
}
