package com.labelmint.payments.deposit;

import com.labelmint.payments.ton.IncomingUsdtDecoder;
import com.labelmint.payments.ton.TonAdapter;
import com.labelmint.payments.ton.TonAddress;
import com.labelmint.payments.ton.TonApiException;
import com.labelmint.payments.ton.TonConfig;
import com.labelmint.payments.ton.TonHttpApi;
import com.labelmint.payments.ton.TonTransaction;
import com.labelmint.payments.ton.TransactionId;
import com.labelmint.payments.ton.TransactionQuery;
import com.labelmint.payments.ton.UsdtDeposit;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Polls the hot wallet's transactions through the TON HTTP API and records every USDT deposit among them, oldest
 * first, once each is older than {@code labelmint.ton.confirmation-delay}. The cursor moves with each transaction in
 * the same database transaction as its deposit, so a crash re-reads at most what was not recorded; crediting is
 * idempotent per transaction hash anyway, so overlapping polls of several instances are harmless.
 */
@ApplicationScoped
public class DepositWatcher {

    static final String CURSOR = "hot-wallet-deposits";

    private static final Logger LOG = Logger.getLogger(DepositWatcher.class);
    private static final int PAGE = 50;

    private final DataSource dataSource;
    private final DepositCredits credits;
    private final ChainCursors cursors;
    private final TonAdapter ton;
    private final TonConfig config;
    private final Clock clock;

    DepositWatcher(DataSource dataSource, DepositCredits credits, ChainCursors cursors, TonAdapter ton, TonConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.credits = credits;
        this.cursors = cursors;
        this.ton = ton;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "deposit-watcher", every = "${labelmint.payments.deposit-poll-interval:15s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        if (ton.hotWallet().isEmpty()) {
            return;
        }
        try {
            poll(ton.api(), ton.requireHotWallet().address(), ton.incomingUsdt());
        } catch (TonApiException e) {
            LOG.warnf("Deposit poll failed; the next poll tries again: %s", e.getMessage());
        }
    }

    /** Records the deposits among the wallet's transactions newer than the cursor; how many it credited. */
    public int poll(TonHttpApi api, TonAddress wallet, IncomingUsdtDecoder decoder) throws SQLException {
        long handledUpTo;
        try (Connection connection = dataSource.getConnection()) {
            handledUpTo = cursors.handledUpTo(connection, CURSOR);
        }
        Instant confirmedBefore = clock.instant().minus(config.confirmationDelay());
        int credited = 0;
        for (TonTransaction transaction : newerThan(api, wallet, handledUpTo)) {
            if (Instant.ofEpochSecond(transaction.utime()).isAfter(confirmedBefore)) {
                break; // it and everything newer wait for the next poll
            }
            Optional<UsdtDeposit> deposit = decoder.deposit(transaction);
            boolean creditedNow = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    boolean recorded = deposit.isPresent() && credits.record(connection, incoming(deposit.get()));
                    cursors.advance(connection, CURSOR, transaction.id().lt(), transaction.id().hash());
                    return recorded;
                }
            });
            credited += creditedNow ? 1 : 0;
        }
        return credited;
    }

    /**
     * Every transaction after {@code afterLt}, oldest first. toncenter pages newest first, each page starting with
     * the last transaction of the one before; reading stops only at the cursor (or the account's first
     * transaction), since recording a newer page while skipping an older one would step the cursor over deposits.
     */
    private static List<TonTransaction> newerThan(TonHttpApi api, TonAddress wallet, long afterLt) {
        Map<TransactionId, TonTransaction> newer = new LinkedHashMap<>();
        TransactionQuery query = TransactionQuery.latest(wallet, PAGE);
        while (true) {
            List<TonTransaction> transactions = api.getTransactions(query);
            boolean reachedHandled = false;
            for (TonTransaction transaction : transactions) {
                if (transaction.id().lt() <= afterLt) {
                    reachedHandled = true;
                    break;
                }
                newer.putIfAbsent(transaction.id(), transaction);
            }
            if (reachedHandled || transactions.size() < PAGE) {
                break;
            }
            query = query.startingAt(transactions.get(transactions.size() - 1).id());
        }
        List<TonTransaction> oldestFirst = new ArrayList<>(newer.values());
        oldestFirst.sort(Comparator.comparingLong(transaction -> transaction.id().lt()));
        return oldestFirst;
    }

    private static IncomingDeposit incoming(UsdtDeposit deposit) {
        return new IncomingDeposit(deposit.transaction().hash(), deposit.transaction().lt(), Instant.ofEpochSecond(deposit.utime()),
                Money.ofUnits(deposit.amountUnits(), Currency.USDT), deposit.sender(), deposit.comment());
    }
}
