package com.labelmint.payments.admin;

import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.payments.api.UnmatchedDeposit;
import com.labelmint.payments.ledger.AccountHistory;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** What admins read of the ledger, for the JSON endpoints and the admin console alike: accounts, transfers, deposits. */
@ApplicationScoped
public class LedgerQueries {

    private static final String IN_ESCROW = "SELECT currency, sum(credits_posted - debits_posted) FROM payments.account "
            + "WHERE kind = 'project-escrow' GROUP BY currency ORDER BY currency";
    private static final String UNMATCHED = "SELECT tx_hash, lt, chain_time, amount, currency, sender, comment FROM payments.deposit "
            + "WHERE status = 'unmatched' AND lt < ? ORDER BY lt DESC LIMIT ?";

    private final DataSource dataSource;
    private final LedgerAccounts accounts;
    private final AccountHistory history;

    LedgerQueries(DataSource dataSource, LedgerAccounts accounts, AccountHistory history) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.history = history;
    }

    /** The accounts of one owner (a person or a project), or the first accounts of a kind; exactly one of the two. */
    public List<LedgerAccountView> accounts(UUID ownerId, String kind, int limit) {
        if ((ownerId == null) == (kind == null)) {
            throw ProblemException.badRequest("account-filter", "Ask for the accounts of an owner or of a kind");
        }
        try (Connection connection = dataSource.getConnection()) {
            List<LedgerAccount> found = ownerId != null ? accounts.ofOwner(connection, ownerId)
                    : accounts.ofKind(connection, kindOf(kind), limit);
            return found.stream().map(LedgerAccount::view).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger accounts could not be read", e);
        }
    }

    /** One account's transfers, newest first; 404 for an account the ledger does not have. */
    public Page<AccountMovement> transfers(UUID accountId, String cursor, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            accounts.find(connection, accountId).orElseThrow(() -> ProblemException.notFound("Ledger account " + accountId));
            return history.page(connection, accountId, cursor, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Transfers of " + accountId + " could not be read", e);
        }
    }

    /** Money held in projects' escrow accounts, one amount per currency that has any. */
    public List<Money> inEscrow() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(IN_ESCROW);
             ResultSet rows = query.executeQuery()) {
            List<Money> totals = new ArrayList<>();
            while (rows.next()) {
                totals.add(Money.ofUnits(rows.getLong(2), Currency.valueOf(rows.getString(1))));
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("The escrow total could not be read", e);
        }
    }

    /** Deposits nobody's memo matched, newest first by logical time; {@code before} is the previous page's cursor. */
    public Page<UnmatchedDeposit> unmatchedDeposits(String before, int limit) {
        Long cursor = Page.numericCursor(before);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(UNMATCHED)) {
            query.setLong(1, cursor == null ? Long.MAX_VALUE : cursor);
            query.setInt(2, limit + 1);
            List<UnmatchedDeposit> fetched = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fetched.add(new UnmatchedDeposit(rows.getString(1), rows.getLong(2), rows.getTimestamp(3).toInstant(),
                            Money.ofUnits(rows.getLong(4), Currency.valueOf(rows.getString(5))), rows.getString(6), rows.getString(7)));
                }
            }
            return Page.fromOneExtra(fetched, limit, deposit -> Long.toString(deposit.lt()));
        } catch (SQLException e) {
            throw new IllegalStateException("Unmatched deposits could not be read", e);
        }
    }

    private static AccountKind kindOf(String kind) {
        try {
            return AccountKind.ofDbName(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-account-kind", "Account kinds: user, project-escrow, platform-fees, ton-hot-wallet");
        }
    }
}
