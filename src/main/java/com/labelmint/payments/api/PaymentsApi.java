package com.labelmint.payments.api;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payments module's synchronous face. */
public interface PaymentsApi {

    /** The person's balances, one per currency they hold; empty for someone who never had money with us. */
    List<Balance> balances(UUID userId);

    /** What the project's escrow can still pay in {@code currency}, holds for undecided answers taken off; zero before funding. */
    Money escrowAvailable(UUID projectId, Currency currency);

    /** Money held in projects' escrow accounts (posted balance), one amount per currency that has any. */
    List<Money> inEscrow();

    /** The ledger accounts of one owner (a person or a project) or the first {@code limit} of a kind; exactly one. */
    List<LedgerAccountView> ledgerAccounts(UUID ownerId, String kind, int limit);

    /** One ledger account's transfers, newest first; a 404 problem for an unknown account. */
    Page<AccountMovement> ledgerTransfers(UUID accountId, String cursor, int limit);

    /** The latest reconciliation runs, newest first. */
    List<ReconciliationReport> reconciliations(int limit);

    /** Deposits nobody's memo matched, newest first. */
    Page<UnmatchedDeposit> unmatchedDeposits(String before, int limit);

    /** Withdrawals in a status ({@code null}: every status), newest first; an unknown status is a 400 problem. */
    Page<AdminWithdrawalView> withdrawals(String status, String cursor, int limit);

    /** How many withdrawals wait for an admin's approval. */
    long withdrawalsAwaitingApproval();

    /** A withdrawal with its status history and its hold's fate; empty for an unknown id. */
    Optional<WithdrawalCase> withdrawalCase(UUID withdrawalId);

    /**
     * Lets a withdrawal awaiting approval go out, in the caller's transaction when there is one; {@code reason} is
     * optional. A withdrawal in any other status is a 409 problem.
     */
    AdminWithdrawalView approveWithdrawal(UUID adminId, UUID withdrawalId, String reason);

    /**
     * Rejects a withdrawal not yet signed and releases its hold, in the caller's transaction when there is one; the
     * reason (required, a 400 problem without it) is shown to the person. One already sent is a 409 problem.
     */
    AdminWithdrawalView rejectWithdrawal(UUID adminId, UUID withdrawalId, String reason);
}
