package com.labelmint.payments;

import com.labelmint.payments.admin.LedgerQueries;
import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.Balance;
import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.api.ReconciliationReport;
import com.labelmint.payments.api.UnmatchedDeposit;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.wallet.Wallets;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The module's answer to {@link PaymentsApi}: each question handed to the part of the module that knows. */
@ApplicationScoped
public class PaymentsFacade implements PaymentsApi {

    private final Wallets wallets;
    private final LedgerQueries ledger;
    private final Reconciliation reconciliation;

    PaymentsFacade(Wallets wallets, LedgerQueries ledger, Reconciliation reconciliation) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.reconciliation = reconciliation;
    }

    @Override
    public List<Balance> balances(UUID userId) {
        return wallets.balances(userId);
    }

    @Override
    public Money escrowAvailable(UUID projectId, Currency currency) {
        return wallets.escrowAvailable(projectId, currency);
    }

    @Override
    public List<Money> inEscrow() {
        return ledger.inEscrow();
    }

    @Override
    public List<LedgerAccountView> ledgerAccounts(UUID ownerId, String kind, int limit) {
        return ledger.accounts(ownerId, kind, limit);
    }

    @Override
    public Page<AccountMovement> ledgerTransfers(UUID accountId, String cursor, int limit) {
        return ledger.transfers(accountId, cursor, limit);
    }

    @Override
    public List<ReconciliationReport> reconciliations(int limit) {
        try {
            return reconciliation.recent(limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reconciliation runs could not be read", e);
        }
    }

    @Override
    public Page<UnmatchedDeposit> unmatchedDeposits(String before, int limit) {
        return ledger.unmatchedDeposits(before, limit);
    }
}
