package com.labelmint.payments.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real threads against the ledger: no overdraft, nothing lost or created, every id applied once. */
@QuarkusTest
class LedgerConcurrencyTest {

    private static final int THREADS = 100;
    private static final int TRANSFERS_PER_THREAD = 1_000;
    private static final int ACCOUNTS = 50;
    private static final long FUNDING = 100_000_000;

    @Inject
    Ledger ledger;

    @Inject
    LedgerAccounts accounts;

    @Inject
    LedgerInvariants invariants;

    @Inject
    DataSource dataSource;

    private LedgerSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new LedgerSandbox(dataSource, ledger, accounts);
    }

    @Test
    void hundredThreadsOfRandomTransfersNeverOverdrawAndApplyEachIdOnce() throws Exception {
        UUID wallet = sandbox.account(AccountKind.TON_HOT_WALLET);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID user = sandbox.account(AccountKind.USER);
            sandbox.move(TransferRequest.posted(UUID.randomUUID(), wallet, user, usdtUnits(FUNDING), TransferReason.of("test", user)));
            users.add(user);
        }
        UUID run = UUID.randomUUID();
        Map<UUID, TransferRequest> applied = new ConcurrentHashMap<>();
        AtomicInteger refusedForFunds = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            done.add(threads.submit(() -> {
                Random random = new Random(seed);
                List<TransferRequest> mine = new ArrayList<>();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    // one in ten is a retry of an earlier request, as a client that lost the answer would send
                    boolean replay = !mine.isEmpty() && random.nextInt(10) == 0;
                    TransferRequest request = replay ? mine.get(random.nextInt(mine.size())) : randomTransfer(random, users, run);
                    try {
                        Transfer transfer = sandbox.move(request);
                        assertThat(transfer.id()).isEqualTo(request.id());
                        if (replay) {
                            replays.incrementAndGet();
                        } else {
                            applied.put(request.id(), request);
                            mine.add(request);
                        }
                    } catch (LedgerRefusal.InsufficientFunds refused) {
                        refusedForFunds.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : done) {
            thread.get(10, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(refusedForFunds.get()).as("the amounts are large enough that some transfers must be refused").isPositive();
        assertThat(replays.get()).isPositive();
        assertThat(storedTransfersOf(run)).isEqualTo(applied.size());
        Map<UUID, Long> expected = new HashMap<>();
        users.forEach(user -> expected.put(user, FUNDING));
        applied.values().forEach(transfer -> {
            expected.merge(transfer.debitAccountId(), -transfer.amount().units(), Long::sum);
            expected.merge(transfer.creditAccountId(), transfer.amount().units(), Long::sum);
        });
        long sum = sandbox.read(wallet).balance().units();
        for (UUID user : users) {
            LedgerAccount account = sandbox.read(user);
            assertThat(account.balance().units()).as("balance of %s", user).isEqualTo(expected.get(user)).isNotNegative();
            sum += account.balance().units();
        }
        assertThat(sum).isZero();
        assertThat(sandbox.inTransaction(invariants::violations)).isEmpty();
    }

    @Test
    void theSameTransferSentByTwentyThreadsAtOnceMovesMoneyOnce() throws Exception {
        UUID wallet = sandbox.account(AccountKind.TON_HOT_WALLET);
        UUID payer = sandbox.account(AccountKind.USER);
        UUID payee = sandbox.account(AccountKind.USER);
        sandbox.move(TransferRequest.posted(UUID.randomUUID(), wallet, payer, usdtUnits(FUNDING), TransferReason.of("test", payer)));
        TransferRequest request = TransferRequest.posted(UUID.randomUUID(), payer, payee, usdtUnits(7_000_000),
                TransferReason.of("test", payee));

        Set<Transfer> answers = ConcurrentHashMap.newKeySet();
        runTogether(20, () -> answers.add(sandbox.move(request)));

        assertThat(answers).hasSize(1);
        assertThat(sandbox.read(payee).balance()).isEqualTo(usdtUnits(7_000_000));
        assertThat(sandbox.read(payer).balance()).isEqualTo(usdtUnits(FUNDING - 7_000_000));
    }

    @Test
    void twentyThreadsPostingOnePendingTransferUnderDifferentIdsPostItOnce() throws Exception {
        UUID wallet = sandbox.account(AccountKind.TON_HOT_WALLET);
        UUID payer = sandbox.account(AccountKind.USER);
        UUID payee = sandbox.account(AccountKind.USER);
        sandbox.move(TransferRequest.posted(UUID.randomUUID(), wallet, payer, usdtUnits(FUNDING), TransferReason.of("test", payer)));
        UUID hold = UUID.randomUUID();
        sandbox.move(TransferRequest.pending(hold, payer, payee, usdtUnits(5_000_000), TransferReason.of("test", payee)));

        AtomicInteger posted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        runTogether(20, () -> {
            try {
                sandbox.move(TransferRequest.postPending(UUID.randomUUID(), hold, null, TransferReason.of("test", payee)));
                posted.incrementAndGet();
            } catch (LedgerRefusal.PendingNotOpen alreadySettled) {
                refused.incrementAndGet();
            }
        });

        assertThat(posted.get()).isOne();
        assertThat(refused.get()).isEqualTo(19);
        assertThat(sandbox.read(payee).balance()).isEqualTo(usdtUnits(5_000_000));
        assertThat(sandbox.read(payer).held()).isEqualTo(usdtUnits(0));
    }

    private static TransferRequest randomTransfer(Random random, List<UUID> users, UUID run) {
        UUID from = users.get(random.nextInt(users.size()));
        UUID to = users.get(random.nextInt(users.size()));
        while (to.equals(from)) {
            to = users.get(random.nextInt(users.size()));
        }
        long amount = 1 + random.nextInt(40_000_000);
        return TransferRequest.posted(UUID.randomUUID(), from, to, usdtUnits(amount), TransferReason.of("concurrency", run));
    }

    private long storedTransfersOf(UUID run) throws Exception {
        return sandbox.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM payments.transfer WHERE reason_type = 'concurrency' AND reason_id = ?")) {
                query.setObject(1, run);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void runTogether(int threads, Action action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                start.await();
                action.run();
                return null;
            }));
        }
        for (Future<?> thread : done) {
            thread.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private static Money usdtUnits(long units) {
        return Money.ofUnits(units, Currency.USDT);
    }
}
