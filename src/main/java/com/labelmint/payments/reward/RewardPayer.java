package com.labelmint.payments.reward;

import com.labelmint.payments.api.RewardClawedBack;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.payments.escrow.ClosedEscrows;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerRefusal;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.payments.reward.AnswerReward.State;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Moves an answer's reward as consensus decides about it. A submitted answer's reward is reserved in escrow (a
 * pending transfer), so a labeler never works for money the client does not have; acceptance posts the
 * labeler's part and pays the fee; rejection voids the reservation; a dispute that turns a paid answer takes the
 * reward back, never below zero. Each step runs under the reward row's lock and checks its state first, so
 * events may arrive late, twice or out of order and still move money once.
 */
@ApplicationScoped
public class RewardPayer {

    /** Owed rewards paid per funding, so one funding never holds its transaction open for long. */
    private static final int OWED_PER_FUNDING = 1_000;

    private static final String SHORTFALL = """
            INSERT INTO payments.clawback_shortfall (id, answer_id, project_id, labeler_id, currency, amount, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    private final Ledger ledger;
    private final RewardAccounts accounts;
    private final AnswerRewards rewards;
    private final FeePolicy fees;
    private final ClosedEscrows closedEscrows;
    private final EventPublisher events;
    private final Clock clock;

    RewardPayer(Ledger ledger, RewardAccounts accounts, AnswerRewards rewards, FeePolicy fees, ClosedEscrows closedEscrows,
                EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.rewards = rewards;
        this.fees = fees;
        this.closedEscrows = closedEscrows;
        this.events = events;
        this.clock = clock;
    }

    /** An answer came in: reserve its reward, or note that the escrow could not. */
    void hold(Connection connection, UUID answerId, UUID projectId, UUID labelerId, Money reward) throws SQLException {
        if (reward.units() <= 0 || !rewards.insert(connection, fresh(answerId, projectId, labelerId, reward))) {
            return;
        }
        AnswerReward unfunded = rewards.lock(connection, answerId).orElseThrow();
        UUID holdId = unfunded.transferId("hold");
        try {
            ledger.transfer(connection, TransferRequest.pending(holdId, accounts.escrow(connection, projectId, reward.currency()),
                    accounts.labeler(connection, labelerId, reward.currency()), reward, reasonOf(unfunded)));
            rewards.update(connection, unfunded.in(State.HELD, holdId));
        } catch (LedgerRefusal.InsufficientFunds escrowShort) {
            // stays unfunded: acceptance pays it from escrow if the client has funded the project by then
        }
    }

    /** Consensus accepted the answer (at first, or by a dispute). */
    void pay(Connection connection, UUID answerId, UUID projectId, UUID labelerId, Money reward) throws SQLException {
        if (reward.units() <= 0) {
            return;
        }
        rewards.insert(connection, fresh(answerId, projectId, labelerId, reward));
        AnswerReward current = rewards.lock(connection, answerId).orElseThrow();
        switch (current.state()) {
            case HELD -> postHold(connection, current);
            case UNFUNDED, VOID, CLAWED_BACK -> payFromEscrow(connection, current);
            default -> { } // paid or owed already
        }
    }

    /** Consensus rejected the answer: release what was reserved for it. */
    void reject(Connection connection, UUID answerId, UUID projectId, UUID labelerId, Money reward) throws SQLException {
        if (reward.units() > 0) {
            // recorded even when the answer's own event has not arrived yet, so that it reserves nothing later
            rewards.insert(connection, fresh(answerId, projectId, labelerId, reward).in(State.VOID, null));
        }
        AnswerReward current = rewards.lock(connection, answerId).orElse(null);
        if (current != null && (current.state() == State.HELD || current.state() == State.UNFUNDED)) {
            release(connection, current);
        }
    }

    /** A dispute turned an accepted answer: take back what was paid, or forget what was owed. */
    void clawBack(Connection connection, UUID answerId) throws SQLException {
        AnswerReward current = rewards.lock(connection, answerId).orElse(null);
        if (current == null) {
            return;
        }
        switch (current.state()) {
            case PAID -> takeBack(connection, current);
            case OWED, HELD, UNFUNDED -> release(connection, current);
            default -> { } // nothing was paid
        }
    }

    /** The client funded the project: pay the rewards accepted while its escrow was short, oldest first. */
    public void payOwed(Connection connection, UUID projectId) throws SQLException {
        for (AnswerReward owed : rewards.lockOwed(connection, projectId, OWED_PER_FUNDING)) {
            if (!payFromEscrow(connection, owed)) {
                return;
            }
        }
    }

    private void postHold(Connection connection, AnswerReward held) throws SQLException {
        TransferReason reason = reasonOf(held);
        ledger.transfer(connection, TransferRequest.postPending(held.transferId("post"), held.holdId(), held.net(), reason));
        // posting the labeler's part released the fee's part of the hold: the escrow has it
        if (held.fee() > 0) {
            UUID escrow = accounts.escrow(connection, held.projectId(), held.currency());
            ledger.transfer(connection, TransferRequest.posted(held.transferId("fee"), escrow, accounts.fees(connection, held.currency()),
                    held.feeMoney(), reason));
        }
        paid(connection, held);
    }

    /**
     * Pays without a reservation, when the escrow has the whole reward; otherwise the reward is owed. A closed
     * project's escrow has given its money back to the client, who then pays what is missing from their balance if
     * they can: the answer was given while the project was open (the tasks module takes none after).
     */
    private boolean payFromEscrow(Connection connection, AnswerReward reward) throws SQLException {
        UUID escrow = accounts.escrow(connection, reward.projectId(), reward.currency());
        long missing = reward.gross() - accounts.locked(connection, escrow).available().units();
        if (missing > 0 && !closedEscrows.topUpFromOwner(connection, reward.projectId(),
                Money.ofUnits(missing, reward.currency()), reward.transferId("top-up"))) {
            rewards.update(connection, reward.in(State.OWED, null));
            return false;
        }
        TransferReason reason = reasonOf(reward);
        ledger.transfer(connection, TransferRequest.posted(reward.transferId("pay"), escrow,
                accounts.labeler(connection, reward.labelerId(), reward.currency()), reward.net(), reason));
        if (reward.fee() > 0) {
            ledger.transfer(connection, TransferRequest.posted(reward.transferId("fee"), escrow, accounts.fees(connection, reward.currency()),
                    reward.feeMoney(), reason));
        }
        paid(connection, reward);
        return true;
    }

    private void paid(Connection connection, AnswerReward reward) throws SQLException {
        rewards.update(connection, reward.paidOnceMore());
        events.publish(new RewardPaid(UUID.randomUUID(), clock.instant(), reward.answerId(), reward.projectId(), reward.labelerId(),
                reward.net(), reward.feeMoney()));
    }

    private void release(Connection connection, AnswerReward reward) throws SQLException {
        if (reward.state() == State.HELD) {
            ledger.transfer(connection, TransferRequest.voidPending(reward.transferId("void"), reward.holdId(), reasonOf(reward)));
            closedEscrows.returnUnspent(connection, reward.projectId(), reward.currency(), reward.transferId("return"));
        }
        rewards.update(connection, reward.in(State.VOID, null));
    }

    private void takeBack(Connection connection, AnswerReward paid) throws SQLException {
        UUID escrow = accounts.escrow(connection, paid.projectId(), paid.currency());
        UUID labeler = accounts.labeler(connection, paid.labelerId(), paid.currency());
        UUID fees = accounts.fees(connection, paid.currency());
        long recovered = recover(connection, paid, "clawback", labeler, escrow, paid.net().units());
        recover(connection, paid, "fee-back", fees, escrow, paid.fee());
        long shortfall = paid.net().units() - recovered;
        if (shortfall > 0) {
            recordShortfall(connection, paid, shortfall);
        }
        rewards.update(connection, paid.in(State.CLAWED_BACK, null));
        closedEscrows.returnUnspent(connection, paid.projectId(), paid.currency(), paid.transferId("return"));
        events.publish(new RewardClawedBack(UUID.randomUUID(), clock.instant(), paid.answerId(), paid.projectId(), paid.labelerId(),
                Money.ofUnits(recovered, paid.currency()), Money.ofUnits(shortfall, paid.currency())));
    }

    /** Moves as much of {@code wanted} as {@code from} has available, and says how much that was. */
    private long recover(Connection connection, AnswerReward paid, String movement, UUID from, UUID to, long wanted) throws SQLException {
        long amount = Math.min(wanted, Math.max(0, accounts.locked(connection, from).available().units()));
        if (amount > 0) {
            ledger.transfer(connection, TransferRequest.posted(paid.transferId(movement), from, to, Money.ofUnits(amount, paid.currency()),
                    reasonOf(paid)));
        }
        return amount;
    }

    private void recordShortfall(Connection connection, AnswerReward paid, long shortfall) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SHORTFALL)) {
            insert.setObject(1, paid.transferId("shortfall"));
            insert.setObject(2, paid.answerId());
            insert.setObject(3, paid.projectId());
            insert.setObject(4, paid.labelerId());
            insert.setString(5, paid.currency().name());
            insert.setLong(6, shortfall);
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    private AnswerReward fresh(UUID answerId, UUID projectId, UUID labelerId, Money reward) {
        return new AnswerReward(answerId, projectId, labelerId, reward.currency(), reward.units(), fees.feeOf(reward.units()),
                State.UNFUNDED, null, 0);
    }

    private static TransferReason reasonOf(AnswerReward reward) {
        return TransferReason.of("answer", reward.answerId());
    }
}
