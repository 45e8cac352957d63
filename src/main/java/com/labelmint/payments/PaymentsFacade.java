package com.labelmint.payments;

import com.labelmint.payments.admin.LedgerQueries;
import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.payments.api.Balance;
import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.api.ReconciliationReport;
import com.labelmint.payments.api.UnmatchedDeposit;
import com.labelmint.payments.api.WithdrawalCase;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.wallet.Wallets;
import com.labelmint.payments.withdrawal.WithdrawalDecisions;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The module's answer to {@link PaymentsApi}: each question handed to the part of the module that knows. */
@ApplicationScoped
public class PaymentsFacade implements PaymentsApi {

    private final Wallets wallets;
    private final LedgerQueries ledger;
    private final Reconciliation reconciliation;
    private final WithdrawalDecisions withdrawals;

    PaymentsFacade(Wallets wallets, LedgerQueries ledger, Reconciliation reconciliation, WithdrawalDecisions withdrawals) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.reconciliation = reconciliation;
        this.withdrawals = withdrawals;
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
        return unchecked("Reconciliation runs could not be read", () -> reconciliation.recent(limit));
    }

    @Override
    public Page<UnmatchedDeposit> unmatchedDeposits(String before, int limit) {
        return ledger.unmatchedDeposits(before, limit);
    }

    @Override
    public Page<AdminWithdrawalView> withdrawals(String status, String cursor, int limit) {
        return unchecked("Withdrawals could not be read", () -> withdrawals.page(status, cursor, limit));
    }

    @Override
    public long withdrawalsAwaitingApproval() {
        return unchecked("Withdrawals could not be counted", withdrawals::awaitingApproval);
    }

    @Override
    public Optional<WithdrawalCase> withdrawalCase(UUID withdrawalId) {
        return unchecked("Withdrawal " + withdrawalId + " could not be read", () -> withdrawals.find(withdrawalId));
    }

    @Override
    public AdminWithdrawalView approveWithdrawal(UUID adminId, UUID withdrawalId, String reason) {
        return unchecked("Withdrawal " + withdrawalId + " could not be approved", () -> withdrawals.approve(adminId, withdrawalId, reason));
    }

    @Override
    public AdminWithdrawalView rejectWithdrawal(UUID adminId, UUID withdrawalId, String reason) {
        return unchecked("Withdrawal " + withdrawalId + " could not be rejected", () -> withdrawals.reject(adminId, withdrawalId, reason));
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** The api speaks no JDBC: a database failure is unexpected here, and becomes the platform's 500. */
    private static <T> T unchecked(String failure, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }
}
