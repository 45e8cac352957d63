package com.labelmint.payments.withdrawal;

import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.ton.SignedTransfer;
import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.payments.ton.TonAddress;
import com.labelmint.payments.ton.TonApiException;
import com.labelmint.payments.ton.TonConfig;
import com.labelmint.payments.ton.UsdtPayout;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends queued withdrawals, oldest first, one message in flight at a time: under a lock shared by every instance it
 * reads the hot wallet's seqno, signs the USDT transfer, and <em>records</em> the message (seqno, hashes, expiry, the
 * BoC itself) in the withdrawal's row and commits; only then is the message handed to the network. A crash after
 * the commit leaves a row in {@code sending} that {@link WithdrawalTracker} looks up on chain, resends as it is
 * while it may still land, and replaces only once it never can.
 *
 * <p>The next message waits until the last one was seen executed (its row left {@code sending}) and the API reports a
 * seqno past it, so two messages never compete for one seqno.
 */
@ApplicationScoped
public class WithdrawalSender {

    private static final Logger LOG = Logger.getLogger(WithdrawalSender.class);
    /** pg_advisory_xact_lock key of the sender: "LMWDSEND". */
    private static final long SENDER_LOCK = 0x4c4d574453454e44L;

    private final DataSource dataSource;
    private final WithdrawalStore store;
    private final Reconciliation reconciliation;
    private final TonAdapter ton;
    private final TonConfig tonConfig;
    private final Clock clock;

    WithdrawalSender(DataSource dataSource, WithdrawalStore store, Reconciliation reconciliation, TonAdapter ton, TonConfig tonConfig,
                     Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.reconciliation = reconciliation;
        this.ton = ton;
        this.tonConfig = tonConfig;
        this.clock = clock;
    }

    @Scheduled(identity = "withdrawal-sender", every = "${labelmint.payments.withdrawal.send-interval:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        if (ton.hotWallet().isEmpty()) {
            return;
        }
        try {
            sendNext();
        } catch (TonApiException e) {
            LOG.warnf("Withdrawal sender: the TON API failed; the next round tries again: %s", e.getMessage());
        }
    }

    /** Signs, records and sends the next queued withdrawal; false when none can go now. */
    public boolean sendNext() throws SQLException {
        if (!reconciliation.withdrawalsAllowed()) {
            return false;
        }
        Optional<Withdrawal.SignedMessage> recorded = QuarkusTransaction.requiringNew().call(this::signNext);
        recorded.ifPresent(message -> send(ton, message));
        return recorded.isPresent();
    }

    /** Hands a recorded message to the network; a failure leaves it to the tracker, which resends it while it is valid. */
    static void send(TonAdapter ton, Withdrawal.SignedMessage message) {
        try {
            ton.api().sendBoc(message.boc());
        } catch (TonApiException e) {
            LOG.warnf("Payout message %s (seqno %d) was not accepted by the TON API; it is resent until it expires: %s",
                    message.messageHash(), message.seqno(), e.getMessage());
        }
    }

    private Optional<Withdrawal.SignedMessage> signNext() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            lockSender(connection);
            if (store.anyInFlight(connection)) {
                return Optional.empty();
            }
            Optional<Withdrawal> next = store.nextToSend(connection);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            TonAddress hotWallet = ton.requireHotWallet().address();
            long seqno = ton.api().getSeqno(hotWallet);
            Optional<Long> lastLanded = store.highestLandedSeqno(connection);
            if (lastLanded.isPresent() && seqno <= lastLanded.get()) {
                LOG.infof("The TON API still reports seqno %d; the last payout used %d: waiting for it to catch up", seqno, lastLanded.get());
                return Optional.empty();
            }
            Withdrawal withdrawal = next.get();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant validUntil = now.plus(tonConfig.messageTtl()).truncatedTo(ChronoUnit.SECONDS);
            SignedTransfer signed = ton.usdtTransfers().sign(new UsdtPayout(withdrawal.queryId(), withdrawal.amount().units(),
                    TonAddress.fromRaw(withdrawal.addressRaw()), comment(withdrawal), seqno, validUntil, seqno > 0));
            Withdrawal.SignedMessage message = new Withdrawal.SignedMessage(seqno, signed.normalizedHash(), signed.bodyHash(), signed.boc(),
                    validUntil, now);
            store.recordMessage(connection, withdrawal.id(), message, now);
            return Optional.of(message);
        }
    }

    /** What the person's wallet app shows beside the incoming USDT. */
    static String comment(Withdrawal withdrawal) {
        return "LabelMint withdrawal #" + withdrawal.queryId();
    }

    private static void lockSender(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SENDER_LOCK);
            lock.execute();
        }
    }
}
