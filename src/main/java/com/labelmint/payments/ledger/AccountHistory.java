package com.labelmint.payments.ledger;

import com.labelmint.payments.api.AccountMovement;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An account's transfers, newest first, a page at a time: a person's wallet history and the admins' view alike. */
@ApplicationScoped
public class AccountHistory {

    /** Two index scans, one per side of the account, each already in page order; the union keeps the newest. */
    private static final String HISTORY = """
            SELECT * FROM (
                (SELECT id, created_at, 'out' AS direction, kind, amount, currency, reason_type, reason_id, note
                 FROM payments.transfer WHERE debit_account_id = ? AND (created_at, id) < (?, ?)
                 ORDER BY created_at DESC, id DESC LIMIT ?)
                UNION ALL
                (SELECT id, created_at, 'in', kind, amount, currency, reason_type, reason_id, note
                 FROM payments.transfer WHERE credit_account_id = ? AND (created_at, id) < (?, ?)
                 ORDER BY created_at DESC, id DESC LIMIT ?)
            ) movements ORDER BY created_at DESC, id DESC LIMIT ?""";

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    /** One page after {@code cursor} (a cursor this method gave out, or {@code null} for the newest). */
    public Page<AccountMovement> page(Connection connection, UUID accountId, String cursor, int limit) throws SQLException {
        NewestFirstCursor after = NewestFirstCursor.parse(cursor);
        return Page.fromOneExtra(fetch(connection, accountId, after, limit + 1), limit,
                movement -> new NewestFirstCursor(movement.at(), movement.id()).encoded());
    }

    private static List<AccountMovement> fetch(Connection connection, UUID accountId, NewestFirstCursor after, int fetch)
            throws SQLException {
        Timestamp before = Timestamp.from(after == null ? END_OF_TIME : after.createdAt());
        UUID beforeId = after == null ? LAST_ID : after.id();
        try (PreparedStatement query = connection.prepareStatement(HISTORY)) {
            int column = 1;
            for (int side = 0; side < 2; side++) {
                query.setObject(column++, accountId);
                query.setTimestamp(column++, before);
                query.setObject(column++, beforeId);
                query.setInt(column++, fetch);
            }
            query.setInt(column, fetch);
            List<AccountMovement> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new AccountMovement(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(), row.getString(3),
                            row.getString(4), Money.ofUnits(row.getLong(5), Currency.valueOf(row.getString(6))), row.getString(7),
                            row.getObject(8, UUID.class), row.getString(9)));
                }
            }
            return entries;
        }
    }
}
