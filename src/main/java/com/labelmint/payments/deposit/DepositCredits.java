package com.labelmint.payments.deposit;

import com.labelmint.payments.api.DepositCredited;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a deposit the watcher found and credits it to the person whose memo it carries, once per transaction
 * hash: the ledger transfer's id is derived from the hash, so overlapping polls and restarts meet on its primary
 * key, and the deposit row on its own. A deposit without a known memo is kept as unmatched for an admin.
 */
@ApplicationScoped
public class DepositCredits {

    private static final String SEEN = "SELECT 1 FROM payments.deposit WHERE tx_hash = ?";

    private static final String INSERT = """
            INSERT INTO payments.deposit (tx_hash, lt, chain_time, amount, currency, sender, comment, status, user_id, transfer_id,
                                          recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tx_hash) DO NOTHING""";

    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final DepositMemos memos;
    private final EventPublisher events;
    private final Clock clock;

    DepositCredits(Ledger ledger, LedgerAccounts accounts, DepositMemos memos, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.memos = memos;
        this.events = events;
        this.clock = clock;
    }

    /** Records the deposit (in the caller's transaction); true when this call credited it. */
    public boolean record(Connection connection, IncomingDeposit deposit) throws SQLException {
        if (seen(connection, deposit.transactionHash())) {
            return false;
        }
        Optional<UUID> owner = memos.ownerOf(connection, deposit.comment());
        UUID transferId = null;
        boolean credited = false;
        if (owner.isPresent()) {
            transferId = UUID.nameUUIDFromBytes(("deposit:" + deposit.transactionHash()).getBytes(StandardCharsets.UTF_8));
            UUID wallet = accounts.platform(connection, AccountKind.TON_HOT_WALLET, deposit.amount().currency()).id();
            UUID balance = accounts.open(connection, AccountKind.USER, owner.get(), deposit.amount().currency()).id();
            credited = !ledger.transfer(connection, TransferRequest.posted(transferId, wallet, balance, deposit.amount(),
                    TransferReason.of("deposit", owner.get()).withNote("TON transaction " + deposit.transactionHash()))).repeated();
        }
        insert(connection, deposit, owner, transferId);
        if (credited) {
            events.publish(new DepositCredited(UUID.randomUUID(), clock.instant(), owner.get(), deposit.amount(),
                    deposit.transactionHash()));
        }
        return credited;
    }

    /** Anyone can write any comment on chain: keep it readable, short, and free of what PostgreSQL text refuses. */
    private static String storable(String comment) {
        String printable = comment.replaceAll("\\p{Cntrl}", "");
        return printable.length() <= 500 ? printable : printable.substring(0, 500);
    }

    private static boolean seen(Connection connection, String transactionHash) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SEEN)) {
            query.setString(1, transactionHash);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private void insert(Connection connection, IncomingDeposit deposit, Optional<UUID> owner, UUID transferId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, deposit.transactionHash());
            insert.setLong(2, deposit.lt());
            insert.setTimestamp(3, Timestamp.from(deposit.chainTime()));
            insert.setLong(4, deposit.amount().units());
            insert.setString(5, deposit.amount().currency().name());
            insert.setString(6, deposit.sender());
            insert.setString(7, deposit.comment().map(DepositCredits::storable).orElse(null));
            insert.setString(8, owner.isPresent() ? "credited" : "unmatched");
            insert.setObject(9, owner.orElse(null));
            insert.setObject(10, transferId);
            insert.setTimestamp(11, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }
}
