package com.labelmint.payments.withdrawal;

import com.labelmint.payments.ton.PayoutConfirmations;
import com.labelmint.payments.ton.PayoutEvent;
import com.labelmint.payments.ton.SentPayout;
import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.payments.ton.TonAddress;
import com.labelmint.payments.ton.TonApiException;
import com.labelmint.payments.ton.TonConfig;
import com.labelmint.payments.ton.TonTransaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Follows withdrawals on their way to a final state, reading the hot wallet's transactions:
 * <ul>
 * <li>{@code sending}: the transaction that executed the recorded message (found by its body hash) moves it to
 * {@code sent}. Not found yet and still valid: the same bytes are sent again (harmless: the wallet accepts a seqno
 * once). Not found, expired, and the wallet's seqno still at the message's: it can never land, so a new message
 * is signed for it (or, after {@code max-attempts}, it fails and the hold is released).</li>
 * <li>{@code sent}: {@code excesses} for its query id from the person's own USDT jetton wallet means it was paid (the
 * hold is posted); a bounce from our jetton wallet means it was not (the hold is voided, the person told why).</li>
 * </ul>
 */
@ApplicationScoped
public class WithdrawalTracker {

    private static final Logger LOG = Logger.getLogger(WithdrawalTracker.class);
    /** How far before the oldest open message the history is read: clocks of the chain and ours differ a little. */
    private static final Duration HISTORY_MARGIN = Duration.ofMinutes(2);

    static final String BOUNCED = "The transfer bounced: the platform's USDT wallet could not send it. Nothing was paid; "
            + "the amount is back in your balance.";
    static final String NEVER_SENT = "The transfer could not be sent to the TON network. Nothing was paid; the amount is back in your balance.";

    private final DataSource dataSource;
    private final WithdrawalStore store;
    private final WithdrawalSettlement settlement;
    private final TonAdapter ton;
    private final TonConfig tonConfig;
    private final WithdrawalConfig config;
    private final Clock clock;

    WithdrawalTracker(DataSource dataSource, WithdrawalStore store, WithdrawalSettlement settlement, TonAdapter ton, TonConfig tonConfig,
                      WithdrawalConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.settlement = settlement;
        this.ton = ton;
        this.tonConfig = tonConfig;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "withdrawal-tracker", every = "${labelmint.payments.withdrawal.confirmation-interval:10s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        if (ton.hotWallet().isEmpty()) {
            return;
        }
        try {
            follow();
        } catch (TonApiException e) {
            LOG.warnf("Withdrawal tracker: the TON API failed; the next round tries again: %s", e.getMessage());
        }
    }

    /** One look at every withdrawal in {@code sending} or {@code sent}. */
    public void follow() throws SQLException {
        List<Withdrawal> open;
        try (Connection connection = dataSource.getConnection()) {
            open = store.onTheirWay(connection);
        }
        if (open.isEmpty()) {
            return;
        }
        Instant oldest = open.stream().map(withdrawal -> withdrawal.message().signedAt()).min(Comparator.naturalOrder()).orElseThrow();
        List<TonTransaction> history = RecentWalletTransactions.since(ton.api(), ton.requireHotWallet().address(),
                oldest.minus(HISTORY_MARGIN));
        PayoutConfirmations confirmations = ton.payoutConfirmations();
        for (Withdrawal withdrawal : open) {
            Optional<Withdrawal> sent = withdrawal.status() == WithdrawalStatus.SENDING
                    ? followSending(withdrawal, history, confirmations) : Optional.of(withdrawal);
            if (sent.isPresent()) {
                followSent(sent.get(), history, confirmations);
            }
        }
    }

    /** The withdrawal once its message is found executed; empty while it is not. */
    private Optional<Withdrawal> followSending(Withdrawal withdrawal, List<TonTransaction> history, PayoutConfirmations confirmations)
            throws SQLException {
        Withdrawal.SignedMessage message = withdrawal.message();
        Optional<SentPayout> executed = history.stream().map(confirmations::sent).flatMap(Optional::stream)
                .filter(payout -> payout.externalBodyHash().equals(message.bodyHash())).findFirst();
        if (executed.isPresent()) {
            return underLock(withdrawal, WithdrawalStatus.SENDING, (connection, locked) -> {
                store.landed(connection, locked.id(), executed.get().transaction().hash(), executed.get().transaction().lt(), clock.instant());
                return store.find(connection, locked.id());
            });
        }
        if (clock.instant().isBefore(message.validUntil().plus(tonConfig.confirmationDelay()))) {
            WithdrawalSender.send(ton, message);
            return Optional.empty();
        }
        long walletSeqno = ton.api().getSeqno(ton.requireHotWallet().address());
        if (walletSeqno > message.seqno()) {
            // the wallet accepted a message with this seqno, yet the history does not show ours: never guess; an operator looks
            LOG.errorf("Withdrawal %s: the hot wallet is past seqno %d but its message %s is not in the recent history; it stays in "
                    + "sending until it is found or an operator resolves it", withdrawal.id(), message.seqno(), message.messageHash());
            return Optional.empty();
        }
        underLock(withdrawal, WithdrawalStatus.SENDING, (connection, locked) -> {
            if (locked.attempts() >= config.maxAttempts()) {
                settlement.released(connection, locked, WithdrawalStatus.FAILED, NEVER_SENT);
            } else {
                LOG.infof("Withdrawal %s: message %s (seqno %d) expired unseen; a new one will be signed", locked.id(),
                        message.messageHash(), message.seqno());
                store.requeue(connection, locked.id(), clock.instant());
            }
            return Optional.empty();
        });
        return Optional.empty();
    }

    private void followSent(Withdrawal withdrawal, List<TonTransaction> history, PayoutConfirmations confirmations) throws SQLException {
        List<PayoutEvent> answers = history.stream().filter(transaction -> transaction.id().lt() > withdrawal.txLt())
                .map(confirmations::event).flatMap(Optional::stream)
                .filter(event -> event.queryId() == withdrawal.queryId()).toList();
        for (PayoutEvent answer : answers) {
            if (answer instanceof PayoutEvent.Bounced) {
                underLock(withdrawal, WithdrawalStatus.SENT, (connection, locked) -> {
                    settlement.released(connection, locked, WithdrawalStatus.FAILED, BOUNCED);
                    return Optional.empty();
                });
                return;
            }
            if (answer instanceof PayoutEvent.Excess excess && excess.source().equals(recipientJettonWallet(withdrawal))) {
                underLock(withdrawal, WithdrawalStatus.SENT, (connection, locked) -> {
                    settlement.completed(connection, locked);
                    return Optional.empty();
                });
                return;
            }
        }
    }

    /** Only the person's own USDT jetton wallet can prove delivery: anyone can send an {@code excesses} body. */
    private String recipientJettonWallet(Withdrawal withdrawal) {
        return ton.api().getJettonWalletAddress(ton.usdtMaster(), TonAddress.fromRaw(withdrawal.addressRaw())).raw();
    }

    private interface LockedStep {
        Optional<Withdrawal> apply(Connection connection, Withdrawal locked) throws SQLException;
    }

    /** Runs {@code step} in a transaction of its own on the locked row, if it is still in {@code expected}. */
    private Optional<Withdrawal> underLock(Withdrawal withdrawal, WithdrawalStatus expected, LockedStep step) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Optional<Withdrawal> locked = store.lock(connection, withdrawal.id()).filter(current -> current.status() == expected);
                return locked.isEmpty() ? Optional.<Withdrawal>empty() : step.apply(connection, locked.get());
            }
        });
    }
}
