package com.labelmint.payments.admin;

import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.payments.api.ReconciliationReport;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/admin/ledger}: accounts, their transfers and the reconciliation runs, for admins. */
@Path("/api/v1/admin/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class LedgerAdminResource {

    private final LedgerQueries ledger;
    private final Reconciliation reconciliation;

    LedgerAdminResource(LedgerQueries ledger, Reconciliation reconciliation) {
        this.ledger = ledger;
        this.reconciliation = reconciliation;
    }

    /** The accounts of one owner ({@code ownerId}: a person or a project), or the first accounts of a {@code kind}. */
    @GET
    @Path("/accounts")
    public List<LedgerAccountView> accounts(@QueryParam("ownerId") UUID ownerId, @QueryParam("kind") String kind,
                                            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return ledger.accounts(ownerId, kind, limit);
    }

    @GET
    @Path("/accounts/{accountId}/transfers")
    public Page<AccountMovement> transfers(@PathParam("accountId") UUID accountId, @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ledger.transfers(accountId, cursor, limit);
    }

    @GET
    @Path("/reconciliations")
    public List<ReconciliationReport> reconciliations(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit)
            throws SQLException {
        return reconciliation.recent(limit);
    }

    /** Runs a reconciliation now, as after fixing what the last one found. */
    @POST
    @Path("/reconciliations")
    public ReconciliationReport reconcile() throws SQLException {
        return reconciliation.run();
    }
}
