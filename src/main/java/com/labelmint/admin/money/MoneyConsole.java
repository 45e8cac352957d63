package com.labelmint.admin.money;

import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.FormValues;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.api.UnmatchedDeposit;
import com.labelmint.platform.paging.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Money: ledger accounts by owner or kind, an account's transfers, reconciliation runs and unmatched deposits. */
@Path("/admin/money")
@Produces(MediaType.TEXT_HTML)
public class MoneyConsole {

    private static final int ACCOUNTS = 100;
    private static final int RECONCILIATIONS = 10;
    private static final int PAGE_SIZE = 50;

    private final PaymentsApi payments;
    private final Visitor visitor;

    MoneyConsole(PaymentsApi payments, Visitor visitor) {
        this.payments = payments;
        this.visitor = visitor;
    }

    /** Accounts of an owner, or of a kind (project escrows when nothing is asked). */
    @GET
    public Response overview(@QueryParam("owner") String owner, @QueryParam("kind") String kind) {
        return ConsoleProblems.attempt(visitor, () -> {
            UUID ownerId = FormValues.id("owner", owner, "the id of a person or project");
            String accountKind = ownerId != null ? null : kind == null || kind.isBlank() ? "project-escrow" : kind.trim();
            Filters filters = new Filters().with("owner", owner).with("kind", accountKind);
            return Response.ok(Pages.money(Chrome.of(visitor), filters, payments.ledgerAccounts(ownerId, accountKind, ACCOUNTS),
                    payments.reconciliations(RECONCILIATIONS)).render()).build();
        });
    }

    @GET
    @Path("/accounts/{accountId}")
    public Response account(@PathParam("accountId") UUID accountId, @QueryParam("cursor") String cursor) {
        return ConsoleProblems.attempt(visitor, () -> {
            Page<AccountMovement> page = payments.ledgerTransfers(accountId, cursor, PAGE_SIZE);
            return Response.ok(Pages.ledgerAccount(Chrome.of(visitor), accountId, page,
                    new Filters().nextPage("/admin/money/accounts/" + accountId, "cursor", page.next())).render()).build();
        });
    }

    @GET
    @Path("/deposits")
    public Response unmatchedDeposits(@QueryParam("before") String before) {
        return ConsoleProblems.attempt(visitor, () -> {
            Page<UnmatchedDeposit> page = payments.unmatchedDeposits(before, PAGE_SIZE);
            return Response.ok(Pages.deposits(Chrome.of(visitor), page,
                    new Filters().nextPage("/admin/money/deposits", "before", page.next())).render()).build();
        });
    }
}
