package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.WithdrawalRequested;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.payments.ton.TonAddress;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.idempotency.IdempotencyKeys;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A person's withdrawals: asking for one (checked, then held from their balance at once) and reading them back.
 * Everything that can refuse a request is checked before anything is written, and the hold is the ledger's own
 * no-overdraft check, so a refused request leaves no trace.
 */
@ApplicationScoped
public class WithdrawalRequests {

    private static final Currency USDT = Currency.USDT;
    private static final Duration DAY = Duration.ofHours(24);

    private final DataSource dataSource;
    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final WithdrawalStore store;
    private final Reconciliation reconciliation;
    private final TonAdapter ton;
    private final WithdrawalConfig config;
    private final EventPublisher events;
    private final Clock clock;

    WithdrawalRequests(DataSource dataSource, Ledger ledger, LedgerAccounts accounts, WithdrawalStore store, Reconciliation reconciliation,
                       TonAdapter ton, WithdrawalConfig config, EventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.accounts = accounts;
        this.store = store;
        this.reconciliation = reconciliation;
        this.ton = ton;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    /** What a request led to; {@code replayed} when the same Idempotency-Key and body had made it before. */
    public record Outcome(WithdrawalView withdrawal, boolean replayed) {
    }

    /**
     * Holds the amount and queues the withdrawal (or leaves it for an admin above the approval threshold), once per
     * Idempotency-Key.
     */
    @Transactional
    public Outcome request(UUID userId, String idempotencyKey, WithdrawalOrder order) throws SQLException {
        String key = IdempotencyKeys.required(idempotencyKey, "A withdrawal");
        if (order == null) {
            throw ProblemException.badRequest("withdrawal-body", "Send {\"amount\": \"12.5\", \"address\": \"UQ…\"}");
        }
        Money amount = amount(order);
        TonAddress address = TonAddress.parse(order.address(), ton.network());
        try (Connection connection = dataSource.getConnection()) {
            UUID balance = accounts.open(connection, AccountKind.USER, userId, USDT).id();
            // one request of a person at a time: the daily limit and the idempotency key are checked against settled facts
            accounts.lock(connection, balance);
            var earlier = store.byIdempotencyKey(connection, userId, key);
            if (earlier.isPresent()) {
                return new Outcome(WithdrawalView.of(sameOrRefuse(earlier.get(), amount, address)), true);
            }
            requireWithdrawalsOpen();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long withdrawnToday = store.sumSince(connection, userId, USDT, now.minus(DAY));
            Money dailyLimit = Money.parse(config.dailyLimit(), USDT);
            if (withdrawnToday + amount.units() > dailyLimit.units()) {
                throw ProblemException.conflict("withdrawal-daily-limit", "Withdrawals are limited to " + dailyLimit + " in 24 hours; "
                        + Money.ofUnits(withdrawnToday, USDT) + " are already on their way or paid");
            }
            boolean needsApproval = amount.units() > Money.parse(config.approvalThreshold(), USDT).units();
            Withdrawal withdrawal = new Withdrawal(UUID.randomUUID(), userId, amount, order.address().strip(), address.raw(),
                    ton.network().name().toLowerCase(), needsApproval ? WithdrawalStatus.AWAITING_APPROVAL : WithdrawalStatus.QUEUED,
                    UUID.randomUUID(), key, 0, null, 0, null, null, null, null, null, null, now, now);
            UUID hotWallet = accounts.platform(connection, AccountKind.TON_HOT_WALLET, USDT).id();
            ledger.transfer(connection, TransferRequest.pending(withdrawal.holdTransferId(), balance, hotWallet, amount,
                    WithdrawalSettlement.reason(withdrawal)));
            store.insert(connection, withdrawal);
            events.publish(new WithdrawalRequested(UUID.randomUUID(), now, withdrawal.id(), userId, amount, address.raw(), needsApproval));
            return new Outcome(WithdrawalView.of(store.find(connection, withdrawal.id()).orElseThrow()), false);
        }
    }

    public WithdrawalView own(UUID userId, UUID withdrawalId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return store.find(connection, withdrawalId).filter(withdrawal -> withdrawal.userId().equals(userId)).map(WithdrawalView::of)
                    .orElseThrow(() -> ProblemException.notFound("Withdrawal " + withdrawalId));
        }
    }

    public Page<WithdrawalView> ownPage(UUID userId, String cursor, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return store.ofUser(connection, userId, cursor, limit).map(WithdrawalView::of);
        }
    }

    private Money amount(WithdrawalOrder order) {
        if (order.currency() != null && !USDT.name().equals(order.currency())) {
            throw ProblemException.badRequest("bad-currency", "Withdrawals are paid in USDT, not " + order.currency());
        }
        if (!(order.amount() instanceof String)) {
            throw ProblemException.badRequest("bad-amount", order.amount() == null ? "Say how much to withdraw: \"amount\": \"12.5\""
                    : "An amount is a string of decimal digits, such as \"12.5\", not a JSON number");
        }
        Money amount;
        try {
            amount = Money.parse((String) order.amount(), USDT);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-amount", e.getMessage());
        }
        if (amount.units() <= 0) {
            throw ProblemException.badRequest("bad-amount", "Withdraw a positive amount, not " + amount);
        }
        Money minimum = Money.parse(config.minimum(), USDT);
        if (amount.units() < minimum.units()) {
            throw ProblemException.badRequest("withdrawal-below-minimum", "The smallest withdrawal is " + minimum + ", not " + amount);
        }
        return amount;
    }

    private static Withdrawal sameOrRefuse(Withdrawal earlier, Money amount, TonAddress address) {
        if (!earlier.amount().equals(amount) || !Objects.equals(earlier.addressRaw(), address.raw())) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "This Idempotency-Key was used for a different withdrawal (" + earlier.amount() + " to " + earlier.addressGiven() + ")");
        }
        return earlier;
    }

    /** No withdrawal is accepted that could not be sent: without a hot wallet, or while the ledger does not match the chain. */
    private void requireWithdrawalsOpen() throws SQLException {
        ton.requireHotWallet();
        if (!reconciliation.withdrawalsAllowed()) {
            throw new ProblemException(503, "withdrawals-paused", "Withdrawals paused",
                    "Withdrawals are paused while the ledger is checked against the chain; your balance is safe, try again later");
        }
    }
}
