package com.labelmint.payments.api;

import java.time.Instant;
import java.util.List;

/**
 * A withdrawal as an admin deciding on it sees it: the withdrawal, every status it went through (oldest first), what
 * became of the ledger hold on its amount ({@code held}, {@code posted} when paid, {@code released} when voided), and
 * the decisions still open to an admin.
 */
public record WithdrawalCase(AdminWithdrawalView withdrawal, List<StatusChange> history, String hold, boolean approvable,
                             boolean rejectable) {

    public record StatusChange(String status, Instant at) {
    }
}
