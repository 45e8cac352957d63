package com.labelmint.payments.ledger;

import com.labelmint.platform.money.Currency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Runs ledger calls in their own transactions, on accounts of fresh owners so tests never see each other's money. */
final class LedgerSandbox {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Ledger ledger;
    private final LedgerAccounts accounts;

    LedgerSandbox(DataSource dataSource, Ledger ledger, LedgerAccounts accounts) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** A new account of a fresh owner (the hot wallet too, so tests do not share one). */
    UUID account(AccountKind kind) throws SQLException {
        return inTransaction(connection -> accounts.open(connection, kind, UUID.randomUUID(), Currency.USDT).id());
    }

    Transfer move(TransferRequest request) throws SQLException {
        return inTransaction(connection -> ledger.transfer(connection, request).transfer());
    }

    LedgerAccount read(UUID accountId) throws SQLException {
        return inTransaction(connection -> accounts.find(connection, accountId).orElseThrow());
    }

    Transfer find(UUID transferId) throws SQLException {
        return inTransaction(connection -> ledger.find(connection, transferId));
    }

    void execute(String sql, UUID id) throws SQLException {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                return statement.executeUpdate();
            }
        });
    }

    <T> T inTransaction(Work<T> work) throws SQLException {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                }
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof SQLException) {
                throw (SQLException) e.getCause();
            }
            throw e;
        }
    }
}
