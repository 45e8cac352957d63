package com.labelmint.payments.admin;

import com.labelmint.payments.ledger.AccountHistory;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.AccountMovement;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.reconciliation.ReconciliationReport;
import com.labelmint.platform.error.ProblemException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code /api/v1/admin/ledger}: accounts, their transfers and the reconciliation runs, for admins. */
@Path("/api/v1/admin/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class LedgerAdminResource {

    private final DataSource dataSource;
    private final LedgerAccounts accounts;
    private final AccountHistory history;
    private final Reconciliation reconciliation;

    LedgerAdminResource(DataSource dataSource, LedgerAccounts accounts, AccountHistory history, Reconciliation reconciliation) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.history = history;
        this.reconciliation = reconciliation;
    }

    /** The accounts of one owner ({@code ownerId}: a person or a project), or the first accounts of a {@code kind}. */
    @GET
    @Path("/accounts")
    public List<AccountView> accounts(@QueryParam("ownerId") UUID ownerId, @QueryParam("kind") String kind,
                                      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) throws SQLException {
        if ((ownerId == null) == (kind == null)) {
            throw ProblemException.badRequest("account-filter", "Ask for the accounts of an ownerId or of a kind");
        }
        try (Connection connection = dataSource.getConnection()) {
            return (ownerId != null ? accounts.ofOwner(connection, ownerId) : accounts.ofKind(connection, kindOf(kind), limit))
                    .stream().map(AccountView::of).toList();
        }
    }

    @GET
    @Path("/accounts/{accountId}/transfers")
    public Page<AccountMovement> transfers(@PathParam("accountId") UUID accountId, @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            accounts.find(connection, accountId).orElseThrow(() -> ProblemException.notFound("Ledger account " + accountId));
            return history.page(connection, accountId, cursor, limit);
        }
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

    private static AccountKind kindOf(String kind) {
        try {
            return AccountKind.ofDbName(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-account-kind", "Account kinds: user, project-escrow, platform-fees, ton-hot-wallet");
        }
    }
}
