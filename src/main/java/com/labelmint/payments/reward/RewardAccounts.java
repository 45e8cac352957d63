package com.labelmint.payments.reward;

import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.platform.money.Currency;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** The three accounts a reward moves between: the project's escrow, the labeler's balance, the platform's fees. */
@ApplicationScoped
class RewardAccounts {

    private final LedgerAccounts accounts;

    RewardAccounts(LedgerAccounts accounts) {
        this.accounts = accounts;
    }

    UUID escrow(Connection connection, UUID projectId, Currency currency) throws SQLException {
        return accounts.open(connection, AccountKind.PROJECT_ESCROW, projectId, currency).id();
    }

    UUID labeler(Connection connection, UUID labelerId, Currency currency) throws SQLException {
        return accounts.open(connection, AccountKind.USER, labelerId, currency).id();
    }

    UUID fees(Connection connection, Currency currency) throws SQLException {
        return accounts.platform(connection, AccountKind.PLATFORM_FEES, currency).id();
    }

    LedgerAccount locked(Connection connection, UUID accountId) throws SQLException {
        return accounts.lock(connection, accountId);
    }
}
