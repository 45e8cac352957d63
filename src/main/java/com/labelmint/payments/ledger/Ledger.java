package com.labelmint.payments.ledger;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Makes transfers, inside the caller's transaction. A transfer either applies whole — its row and both
 * accounts' totals — or not at all: every rule is checked before the first write, so a refusal leaves the
 * caller's transaction clean and usable (a listener can record why a payment waits, and commit that).
 *
 * <p>Concurrency: both accounts are locked in id order (no deadlock between opposite transfers) before their
 * limits are checked, so concurrent transfers can never overdraw an account; a concurrent transfer with the
 * same id waits on the primary key and then finds the stored one; two settlements of one pending transfer
 * collide on a unique index. The database's own checks back up every rule; one of them firing means a bug, and
 * then the caller's transaction fails whole.
 */
@ApplicationScoped
public class Ledger {

    private static final String TRANSFER_COLUMNS = """
            id, kind, debit_account_id, credit_account_id, amount, currency, pending_id, reason_type, reason_id, note, created_at""";

    private static final String FIND = "SELECT " + TRANSFER_COLUMNS + " FROM payments.transfer WHERE id = ?";

    private static final String SETTLEMENT = "SELECT id FROM payments.transfer WHERE pending_id = ?";

    private static final String LOCK_ACCOUNTS = "SELECT " + LedgerAccounts.COLUMNS
            + " FROM payments.account WHERE id IN (?, ?) ORDER BY id FOR UPDATE";

    private static final String INSERT = "INSERT INTO payments.transfer (" + TRANSFER_COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    private static final String UPDATE_ACCOUNT = """
            UPDATE payments.account SET debits_pending = ?, debits_posted = ?, credits_pending = ?, credits_posted = ? WHERE id = ?""";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Clock clock;

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /**
     * Applies the transfer, or finds it applied before under the same id.
     *
     * @throws LedgerRefusal when the transfer cannot apply; nothing moved
     */
    public TransferOutcome transfer(Connection connection, TransferRequest request) throws SQLException {
        try {
            return apply(connection, request);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && request.pendingId() != null) {
                throw new LedgerRefusal.PendingNotOpen("Pending transfer " + request.pendingId() + " was settled by another transfer");
            }
            throw e;
        }
    }

    /** The stored transfer, or {@code null}. */
    public Transfer find(Connection connection, UUID transferId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setObject(1, transferId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? read(row) : null;
            }
        }
    }

    private TransferOutcome apply(Connection connection, TransferRequest request) throws SQLException {
        Transfer existing = find(connection, request.id());
        if (existing != null) {
            return sameOrRefuse(existing, request);
        }
        Transfer pending = request.pendingId() == null ? null : openPending(connection, request.pendingId());
        Transfer transfer = pending == null ? direct(request) : settlement(request, pending);
        List<LedgerAccount> locked = lock(connection, transfer);
        if (pending != null && settled(connection, pending.id())) {
            throw new LedgerRefusal.PendingNotOpen("Pending transfer " + pending.id() + " was already posted or voided");
        }
        long pendingAmount = pending == null ? 0 : pending.amount().units();
        LedgerAccount debit = moved(locked, transfer.debitAccountId(), transfer, pendingAmount, true);
        LedgerAccount credit = moved(locked, transfer.creditAccountId(), transfer, pendingAmount, false);
        if (!insert(connection, transfer)) {
            // the same id was committed by a concurrent transaction since the first look
            return sameOrRefuse(find(connection, request.id()), request);
        }
        update(connection, debit);
        update(connection, credit);
        return new TransferOutcome(transfer, false);
    }

    private Transfer direct(TransferRequest request) {
        if (request.amount().units() <= 0) {
            throw new LedgerRefusal.BadAmount("A transfer moves a positive amount, not " + request.amount());
        }
        return new Transfer(request.id(), request.kind(), request.debitAccountId(), request.creditAccountId(), request.amount(), null,
                request.reason(), now());
    }

    private Transfer openPending(Connection connection, UUID pendingId) throws SQLException {
        Transfer pending = find(connection, pendingId);
        if (pending == null || pending.kind() != TransferKind.PENDING) {
            throw new LedgerRefusal.PendingNotOpen("No pending transfer " + pendingId);
        }
        return pending;
    }

    /** A post or void takes its accounts and currency from the pending transfer it settles. */
    private Transfer settlement(TransferRequest request, Transfer pending) {
        Money amount = request.amount() == null ? pending.amount() : request.amount();
        if (amount.currency() != pending.amount().currency() || amount.units() <= 0 || amount.units() > pending.amount().units()) {
            throw new LedgerRefusal.BadAmount("Pending transfer " + pending.id() + " holds " + pending.amount()
                    + "; cannot post " + amount);
        }
        return new Transfer(request.id(), request.kind(), pending.debitAccountId(), pending.creditAccountId(), amount, pending.id(),
                request.reason(), now());
    }

    private static TransferOutcome sameOrRefuse(Transfer stored, TransferRequest request) {
        if (!request.sameAs(stored)) {
            throw new LedgerRefusal.TransferIdReused("Transfer " + request.id() + " was made before with a different body");
        }
        return new TransferOutcome(stored, true);
    }

    private static List<LedgerAccount> lock(Connection connection, Transfer transfer) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOCK_ACCOUNTS)) {
            query.setObject(1, transfer.debitAccountId());
            query.setObject(2, transfer.creditAccountId());
            List<LedgerAccount> accounts = LedgerAccounts.all(query);
            Currency currency = transfer.amount().currency();
            if (accounts.size() != 2 || accounts.stream().anyMatch(account -> account.currency() != currency)) {
                throw new LedgerRefusal.BadAccount("Transfer " + transfer.id() + " needs two distinct " + currency + " accounts");
            }
            return accounts;
        }
    }

    private static boolean settled(Connection connection, UUID pendingId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SETTLEMENT)) {
            query.setObject(1, pendingId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The account's totals after the transfer; refused when they break the account's limit. */
    private static LedgerAccount moved(List<LedgerAccount> locked, UUID accountId, Transfer transfer, long pendingAmount,
                                       boolean debitSide) {
        LedgerAccount account = locked.get(locked.get(0).id().equals(accountId) ? 0 : 1);
        long amount = transfer.amount().units();
        long pendingBy;
        long postedBy;
        switch (transfer.kind()) {
            case POSTED -> { pendingBy = 0; postedBy = amount; }
            case PENDING -> { pendingBy = amount; postedBy = 0; }
            case POST_PENDING -> { pendingBy = -pendingAmount; postedBy = amount; }
            case VOID_PENDING -> { pendingBy = -pendingAmount; postedBy = 0; }
            default -> throw new IllegalStateException(transfer.kind().name());
        }
        LedgerAccount after = debitSide ? account.moved(pendingBy, postedBy, 0, 0) : account.moved(0, 0, pendingBy, postedBy);
        if (!after.withinLimits()) {
            throw new LedgerRefusal.InsufficientFunds(debitSide
                    ? "Account " + accountId + " has " + account.available() + " available; " + transfer.amount() + " needed"
                    : "Wallet account " + accountId + " cannot send more than it received");
        }
        return after;
    }

    private static boolean insert(Connection connection, Transfer transfer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, transfer.id());
            insert.setString(2, transfer.kind().dbName());
            insert.setObject(3, transfer.debitAccountId());
            insert.setObject(4, transfer.creditAccountId());
            insert.setLong(5, transfer.amount().units());
            insert.setString(6, transfer.amount().currency().name());
            insert.setObject(7, transfer.pendingId());
            insert.setString(8, transfer.reason().type());
            insert.setObject(9, transfer.reason().id());
            insert.setString(10, transfer.reason().note());
            insert.setTimestamp(11, Timestamp.from(transfer.createdAt()));
            return insert.executeUpdate() == 1;
        }
    }

    private static void update(Connection connection, LedgerAccount account) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ACCOUNT)) {
            update.setLong(1, account.debitsPending());
            update.setLong(2, account.debitsPosted());
            update.setLong(3, account.creditsPending());
            update.setLong(4, account.creditsPosted());
            update.setObject(5, account.id());
            update.executeUpdate();
        }
    }

    static Transfer read(ResultSet row) throws SQLException {
        Money amount = Money.ofUnits(row.getLong(5), Currency.valueOf(row.getString(6)));
        return new Transfer(row.getObject(1, UUID.class), TransferKind.ofDbName(row.getString(2)), row.getObject(3, UUID.class),
                row.getObject(4, UUID.class), amount, row.getObject(7, UUID.class),
                new TransferReason(row.getString(8), row.getObject(9, UUID.class), row.getString(10)),
                row.getTimestamp(11).toInstant());
    }

    private Instant now() {
        // the database keeps microseconds: a transfer read back equals the one returned
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
