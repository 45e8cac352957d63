package com.labelmint.payments.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the ledger's invariants from its stored rows: every currency sums to zero (posted and pending alike),
 * every account's running totals equal the sums of its transfers, and no account is beyond its limit. A full
 * scan: meant for the reconciliation job and tests, not for a request.
 */
@ApplicationScoped
public class LedgerInvariants {

    private static final String UNBALANCED_CURRENCIES = """
            SELECT currency, sum(credits_posted - debits_posted), sum(credits_pending - debits_pending)
            FROM payments.account GROUP BY currency
            HAVING sum(credits_posted - debits_posted) <> 0 OR sum(credits_pending - debits_pending) <> 0""";

    /** Pending transfers still open count as pending; posts count as posted (their pending was released). */
    private static final String TOTALS_OFF_THEIR_TRANSFERS = """
            WITH open_pending AS (
                SELECT p.debit_account_id, p.credit_account_id, p.amount FROM payments.transfer p
                WHERE p.kind = 'pending' AND NOT EXISTS (SELECT 1 FROM payments.transfer s WHERE s.pending_id = p.id)
            ), moves (account_id, debits_pending, debits_posted, credits_pending, credits_posted) AS (
                SELECT debit_account_id, 0, amount, 0, 0 FROM payments.transfer WHERE kind IN ('posted', 'post-pending')
                UNION ALL SELECT credit_account_id, 0, 0, 0, amount FROM payments.transfer WHERE kind IN ('posted', 'post-pending')
                UNION ALL SELECT debit_account_id, amount, 0, 0, 0 FROM open_pending
                UNION ALL SELECT credit_account_id, 0, 0, amount, 0 FROM open_pending
            ), sums AS (
                SELECT account_id, sum(debits_pending) AS debits_pending, sum(debits_posted) AS debits_posted,
                       sum(credits_pending) AS credits_pending, sum(credits_posted) AS credits_posted
                FROM moves GROUP BY account_id
            )
            SELECT a.id FROM payments.account a LEFT JOIN sums s ON s.account_id = a.id
            WHERE a.debits_pending <> coalesce(s.debits_pending, 0) OR a.debits_posted <> coalesce(s.debits_posted, 0)
               OR a.credits_pending <> coalesce(s.credits_pending, 0) OR a.credits_posted <> coalesce(s.credits_posted, 0)
            ORDER BY a.id LIMIT 100""";

    private static final String BEYOND_LIMITS = """
            SELECT id FROM payments.account
            WHERE debits_must_not_exceed_credits AND debits_posted + debits_pending > credits_posted
               OR credits_must_not_exceed_debits AND credits_posted + credits_pending > debits_posted
            ORDER BY id LIMIT 100""";

    /** Every violation found, in words; empty when the ledger is sound. */
    public List<String> violations(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(UNBALANCED_CURRENCIES); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                violations.add(row.getString(1) + " does not sum to zero: posted " + row.getLong(2) + ", pending " + row.getLong(3));
            }
        }
        addAccounts(connection, TOTALS_OFF_THEIR_TRANSFERS, "totals differ from the sums of its transfers", violations);
        addAccounts(connection, BEYOND_LIMITS, "is beyond its limit", violations);
        return violations;
    }

    private static void addAccounts(Connection connection, String sql, String problem, List<String> violations) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                violations.add("Account " + row.getString(1) + " " + problem);
            }
        }
    }
}
