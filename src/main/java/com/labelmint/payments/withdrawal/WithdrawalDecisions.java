package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.payments.api.WithdrawalCase;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Admins' side of withdrawals: the list, approving one that waits for approval, rejecting one not yet signed
 * (which releases its hold). Each decision locks the row, so it cannot cross the sender signing the same withdrawal.
 */
@ApplicationScoped
public class WithdrawalDecisions {

    private final DataSource dataSource;
    private final WithdrawalStore store;
    private final WithdrawalSettlement settlement;
    private final Clock clock;

    WithdrawalDecisions(DataSource dataSource, WithdrawalStore store, WithdrawalSettlement settlement, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.settlement = settlement;
        this.clock = clock;
    }

    public Page<AdminWithdrawalView> page(String status, String cursor, int limit) throws SQLException {
        WithdrawalStatus filter = null;
        if (status != null) {
            try {
                filter = WithdrawalStatus.ofDbName(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("unknown-withdrawal-status", "No withdrawal status '" + status + "'");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return store.inStatus(connection, filter, cursor, limit).map(Withdrawal::forAdmins);
        }
    }

    public long awaitingApproval() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return store.count(connection, WithdrawalStatus.AWAITING_APPROVAL);
        }
    }

    /** The withdrawal with its status history and its hold's fate; empty for an unknown id. */
    public Optional<WithdrawalCase> find(UUID withdrawalId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Withdrawal> found = store.find(connection, withdrawalId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Withdrawal withdrawal = found.get();
            return Optional.of(new WithdrawalCase(withdrawal.forAdmins(), store.history(connection, withdrawalId),
                    store.holdOutcome(connection, withdrawal.holdTransferId()),
                    withdrawal.status() == WithdrawalStatus.AWAITING_APPROVAL, withdrawal.status().unsent()));
        }
    }

    @Transactional
    public AdminWithdrawalView approve(UUID adminId, UUID withdrawalId, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Withdrawal withdrawal = locked(connection, withdrawalId);
            if (withdrawal.status() != WithdrawalStatus.AWAITING_APPROVAL) {
                throw ProblemException.conflict("withdrawal-not-awaiting-approval",
                        "Withdrawal " + withdrawalId + " is " + withdrawal.status().dbName() + ", not awaiting approval");
            }
            store.decide(connection, withdrawalId, adminId, blankToNull(reason), clock.instant());
            store.move(connection, withdrawalId, WithdrawalStatus.APPROVED, null, clock.instant());
            return store.find(connection, withdrawalId).orElseThrow().forAdmins();
        }
    }

    @Transactional
    public AdminWithdrawalView reject(UUID adminId, UUID withdrawalId, String reason) throws SQLException {
        if (blankToNull(reason) == null) {
            throw ProblemException.badRequest("rejection-reason-required", "Say why the withdrawal is rejected: the person is shown it");
        }
        try (Connection connection = dataSource.getConnection()) {
            Withdrawal withdrawal = locked(connection, withdrawalId);
            if (!withdrawal.status().unsent()) {
                throw ProblemException.conflict("withdrawal-already-sent",
                        "Withdrawal " + withdrawalId + " is " + withdrawal.status().dbName() + ": only one not yet sent can be rejected");
            }
            store.decide(connection, withdrawalId, adminId, reason.strip(), clock.instant());
            settlement.released(connection, withdrawal, WithdrawalStatus.REJECTED, "Rejected: " + reason.strip());
            return store.find(connection, withdrawalId).orElseThrow().forAdmins();
        }
    }

    private Withdrawal locked(Connection connection, UUID withdrawalId) throws SQLException {
        return store.lock(connection, withdrawalId).orElseThrow(() -> ProblemException.notFound("Withdrawal " + withdrawalId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
