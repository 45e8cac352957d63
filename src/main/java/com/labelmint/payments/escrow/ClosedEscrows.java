package com.labelmint.payments.escrow;

import com.labelmint.payments.api.EscrowReturned;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
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
 * A completed or archived project gives its unspent escrow back to its client: at closing, and again whenever a
 * reservation made before closing is released afterwards (a rejected answer, a clawback).
 */
@ApplicationScoped
public class ClosedEscrows {

    private static final String CLOSE = """
            INSERT INTO payments.closed_escrow (project_id, owner_id, closed_at) VALUES (?, ?, ?) ON CONFLICT (project_id) DO NOTHING""";

    private static final String OWNER = "SELECT owner_id FROM payments.closed_escrow WHERE project_id = ?";

    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final EventPublisher events;
    private final Clock clock;

    ClosedEscrows(Ledger ledger, LedgerAccounts accounts, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Marks the project closed and returns what its escrow has available. */
    void close(Connection connection, UUID projectId, UUID ownerId, UUID returnId) throws SQLException {
        try (PreparedStatement close = connection.prepareStatement(CLOSE)) {
            close.setObject(1, projectId);
            close.setObject(2, ownerId);
            close.setTimestamp(3, Timestamp.from(clock.instant()));
            close.executeUpdate();
        }
        for (Currency currency : Currency.values()) {
            returnUnspent(connection, projectId, currency, returnId);
        }
    }

    /**
     * For a closed project, moves everything its escrow has available back to the client; {@code returnId} (with
     * the currency) names the movement, so the same release never returns money twice.
     */
    public void returnUnspent(Connection connection, UUID projectId, Currency currency, UUID returnId) throws SQLException {
        Optional<UUID> owner = ownerIfClosed(connection, projectId);
        Optional<LedgerAccount> escrow = accounts.find(connection, AccountKind.PROJECT_ESCROW, projectId, currency);
        if (owner.isEmpty() || escrow.isEmpty()) {
            return;
        }
        LedgerAccount locked = accounts.lock(connection, escrow.get().id());
        if (locked.available().units() <= 0) {
            return;
        }
        UUID client = accounts.open(connection, AccountKind.USER, owner.get(), currency).id();
        UUID transferId = UUID.nameUUIDFromBytes(("escrow-return:" + returnId + ":" + currency).getBytes(StandardCharsets.UTF_8));
        boolean repeated = ledger.transfer(connection, TransferRequest.posted(transferId, locked.id(), client, locked.available(),
                TransferReason.of("project", projectId).withNote("unspent escrow of a closed project"))).repeated();
        if (!repeated) {
            events.publish(new EscrowReturned(UUID.randomUUID(), clock.instant(), projectId, owner.get(), locked.available()));
        }
    }

    /**
     * For a closed project, moves {@code amount} from its client's balance back into its escrow, when the client has it
     * available: the reward of an answer given while the project was open, which its escrow could not pay because the
     * answer was decided (or its reservation made) only after closing had returned the money. {@code transferId} names
     * the movement, so a retried payment never takes it twice.
     *
     * @return whether the escrow now has the amount; false when the project is open or its client is short
     */
    public boolean topUpFromOwner(Connection connection, UUID projectId, Money amount, UUID transferId) throws SQLException {
        Optional<UUID> owner = ownerIfClosed(connection, projectId);
        if (owner.isEmpty()) {
            return false;
        }
        LedgerAccount client = accounts.lock(connection, accounts.open(connection, AccountKind.USER, owner.get(), amount.currency()).id());
        if (client.available().units() < amount.units()) {
            return false;
        }
        UUID escrow = accounts.open(connection, AccountKind.PROJECT_ESCROW, projectId, amount.currency()).id();
        ledger.transfer(connection, TransferRequest.posted(transferId, client.id(), escrow, amount,
                TransferReason.of("project", projectId).withNote("reward of an answer given before the project closed")));
        return true;
    }

    private static Optional<UUID> ownerIfClosed(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OWNER)) {
            query.setObject(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
