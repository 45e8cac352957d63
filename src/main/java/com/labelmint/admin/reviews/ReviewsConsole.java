package com.labelmint.admin.reviews;

import com.labelmint.admin.audit.AuditLog;
import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.ConsoleResponses;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.ReviewersToo;
import com.labelmint.admin.web.Visitor;
import com.labelmint.consensus.api.ConsensusApi;
import com.labelmint.consensus.api.ItemInReview;
import com.labelmint.consensus.api.ReviewCase;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
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

/**
 * The review queue: items consensus could not label alone, oldest first, in the projects the visitor reviews (every
 * project for an admin); one item with its data and every answer beside its labeler; and the final label, either
 * consensus's suggestion confirmed or another one, with a reason. The rules are the consensus module's, as in its API.
 */
@Path("/admin/reviews")
@Produces(MediaType.TEXT_HTML)
@ReviewersToo
public class ReviewsConsole {

    private static final int PAGE_SIZE = 25;
    private static final String LIST = "/admin/reviews";

    private final ConsensusApi consensus;
    private final TasksApi tasks;
    private final AuditLog audit;
    private final Visitor visitor;

    ReviewsConsole(ConsensusApi consensus, TasksApi tasks, AuditLog audit, Visitor visitor) {
        this.consensus = consensus;
        this.tasks = tasks;
        this.audit = audit;
        this.visitor = visitor;
    }

    @GET
    public Response queue(@QueryParam("project") String project, @QueryParam("after") String after) {
        return ConsoleProblems.attempt(visitor, () -> {
            Filters filters = new Filters().with("project", project);
            Page<ItemInReview> page = consensus.itemsInReview(visitor.accountId(), visitor.isAdmin(),
                    FormValues.id("project", project, "a project id"), after, PAGE_SIZE);
            return Response.ok(Pages.reviews(Chrome.of(visitor), filters, page, filters.nextPage(LIST, "after", page.next())).render())
                    .build();
        });
    }

    @GET
    @Path("/{itemId}")
    public Response item(@PathParam("itemId") long itemId) {
        return ConsoleProblems.attempt(visitor, () -> Response.ok(Pages.review(Chrome.of(visitor), find(itemId),
                tasks.itemData(itemId).orElse(null)).render()).build());
    }

    /**
     * {@code decision=confirm} labels the item with consensus's suggestion as it stands now (not as the form saw it);
     * {@code decision=override} with the {@code label} given, as JSON. Either needs a reason.
     */
    @POST
    @Path("/{itemId}/decision")
    public Response decide(@PathParam("itemId") long itemId, @FormParam("csrf") String csrf, @FormParam("decision") String decision,
                           @FormParam("label") String label, @FormParam("note") String note) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            String why = FormValues.required("note", note, 2000);
            String choice = FormValues.required("decision", decision, 20);
            boolean confirm = "confirm".equals(choice);
            if (!confirm && !"override".equals(choice)) {
                throw ProblemException.badRequest("bad-decision", "A review confirms or overrides, not '" + choice + "'");
            }
            audit.recordChange(visitor.accountId(), confirm ? "review.confirm" : "review.override", "item", Long.toString(itemId), why,
                    () -> find(itemId), () -> {
                        String chosen = confirm ? find(itemId).label() : FormValues.required("label", label, 10_000);
                        consensus.review(visitor.accountId(), visitor.isAdmin(), itemId, chosen, why);
                        return find(itemId);
                    });
            return ConsoleResponses.backTo(LIST + "/" + itemId);
        });
    }

    private ReviewCase find(long itemId) {
        return consensus.reviewCase(visitor.accountId(), visitor.isAdmin(), itemId)
                .orElseThrow(() -> ProblemException.notFound("Item " + itemId));
    }
}
