package com.labelmint.admin.money;

import com.labelmint.admin.audit.AuditLog;
import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.Confirmation;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.ConsoleResponses;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.api.WithdrawalCase;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/**
 * Withdrawals: the list by status (those awaiting approval first of all), one withdrawal with its status history and
 * hold, and the decisions on it. The decisions are the payments module's own, the ones its REST API makes.
 */
@Path("/admin/money/withdrawals")
@Produces(MediaType.TEXT_HTML)
public class WithdrawalsConsole {

    static final String AWAITING_APPROVAL = "awaiting_approval";
    /** The filter's value for every status. */
    static final String ANY = "any";
    private static final int PAGE_SIZE = 50;
    private static final String LIST = "/admin/money/withdrawals";

    private final PaymentsApi payments;
    private final AuditLog audit;
    private final Visitor visitor;

    WithdrawalsConsole(PaymentsApi payments, AuditLog audit, Visitor visitor) {
        this.payments = payments;
        this.audit = audit;
        this.visitor = visitor;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        return ConsoleProblems.attempt(visitor, () -> {
            String shown = status == null || status.isBlank() ? AWAITING_APPROVAL : status.trim();
            Filters filters = new Filters().with("status", shown);
            Page<AdminWithdrawalView> page = payments.withdrawals(ANY.equals(shown) ? null : shown, cursor, PAGE_SIZE);
            return Response.ok(Pages.withdrawals(Chrome.of(visitor), filters, page, filters.nextPage(LIST, "cursor", page.next()))
                    .render()).build();
        });
    }

    @GET
    @Path("/{withdrawalId}")
    public Response withdrawal(@PathParam("withdrawalId") UUID withdrawalId) {
        return ConsoleProblems.attempt(visitor,
                () -> Response.ok(Pages.withdrawal(Chrome.of(visitor), find(withdrawalId)).render()).build());
    }

    @POST
    @Path("/{withdrawalId}/approval")
    public Response approve(@PathParam("withdrawalId") UUID withdrawalId, @FormParam("csrf") String csrf,
                            @FormParam("reason") String reason) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            String why = FormValues.bounded("reason", reason, 500);
            audit.recordChange(visitor.accountId(), "withdrawal.approve", "withdrawal", withdrawalId.toString(), why,
                    () -> find(withdrawalId).withdrawal(), () -> payments.approveWithdrawal(visitor.accountId(), withdrawalId, why));
            return ConsoleResponses.backTo(path(withdrawalId));
        });
    }

    /** Rejects with a reason the person is shown, once the admin confirmed it: the money goes back to their balance. */
    @POST
    @Path("/{withdrawalId}/rejection")
    public Response reject(@PathParam("withdrawalId") UUID withdrawalId, @FormParam("csrf") String csrf,
                           @FormParam("reason") String reason, @FormParam("confirmed") String confirmed) {
        visitor.requireCsrf(csrf);
        return ConsoleProblems.attempt(visitor, () -> {
            String why = FormValues.required("reason", reason, 500);
            if (!"yes".equals(confirmed)) {
                AdminWithdrawalView withdrawal = find(withdrawalId).withdrawal();
                return ConsoleResponses.confirm(visitor, new Confirmation("Reject the withdrawal of " + withdrawal.amount().amount() + " "
                        + withdrawal.amount().currency() + " to " + withdrawal.address() + "? The person is told: " + why,
                        path(withdrawalId) + "/rejection", Map.of("reason", why), path(withdrawalId)));
            }
            audit.recordChange(visitor.accountId(), "withdrawal.reject", "withdrawal", withdrawalId.toString(), why,
                    () -> find(withdrawalId).withdrawal(), () -> payments.rejectWithdrawal(visitor.accountId(), withdrawalId, why));
            return ConsoleResponses.backTo(path(withdrawalId));
        });
    }

    private WithdrawalCase find(UUID withdrawalId) {
        return payments.withdrawalCase(withdrawalId).orElseThrow(() -> ProblemException.notFound("Withdrawal " + withdrawalId));
    }

    private static String path(UUID withdrawalId) {
        return LIST + "/" + withdrawalId;
    }
}
