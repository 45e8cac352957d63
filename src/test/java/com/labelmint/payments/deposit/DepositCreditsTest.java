package com.labelmint.payments.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.tasks.QueueFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Deposits are credited to the memo's owner once per transaction hash, whatever polls overlap. */
@QuarkusTest
class DepositCreditsTest {

    @Inject
    DataSource dataSource;

    @Inject
    DepositMemos memos;

    @Inject
    DepositCredits credits;

    @Inject
    PaymentsApi payments;

    @Test
    void aPersonKeepsOneMemoAndADepositCarryingItIsCreditedOnceEvenFromTenRacingPolls() throws Exception {
        UUID person = UUID.randomUUID();
        String memo = this.<String>inTransaction(connection -> memos.memoOf(connection, person));
        String again = this.<String>inTransaction(connection -> memos.memoOf(connection, person));
        assertThat(memo).matches("[a-z0-9]{10}").isEqualTo(again);

        IncomingDeposit deposit = deposit(Optional.of("  " + memo.toUpperCase() + " "), "12.5");
        AtomicInteger credited = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(10);
        ExecutorService polls = Executors.newFixedThreadPool(10);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            done.add(polls.submit(() -> {
                together.await();
                if (this.<Boolean>inTransaction(connection -> credits.record(connection, deposit))) {
                    credited.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> poll : done) {
            poll.get(1, TimeUnit.MINUTES);
        }
        polls.shutdown();

        assertThat(credited.get()).isOne();
        assertThat(payments.balances(person)).singleElement().satisfies(balance ->
                assertThat(balance.balance()).isEqualTo(Money.parse("12.5", Currency.USDT)));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.deposit WHERE tx_hash = ? AND status = 'credited'",
                deposit.transactionHash())).isOne();
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.DepositCredited' AND payload->>'transactionHash' = ?",
                deposit.transactionHash())).isOne();
    }

    @Test
    void aDepositWithoutAKnownMemoIsKeptUnmatchedAndCreditsNoOne() throws Exception {
        IncomingDeposit stranger = deposit(Optional.of("not-a-memo\u0000\u0007 with noise"), "3");
        IncomingDeposit silent = deposit(Optional.empty(), "4");

        boolean strangerCredited = this.<Boolean>inTransaction(connection -> credits.record(connection, stranger));
        boolean silentCredited = this.<Boolean>inTransaction(connection -> credits.record(connection, silent));
        assertThat(strangerCredited).isFalse();
        assertThat(silentCredited).isFalse();

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.deposit WHERE tx_hash IN (?, ?) AND status = 'unmatched' "
                + "AND user_id IS NULL AND transfer_id IS NULL", stranger.transactionHash(), silent.transactionHash())).isEqualTo(2);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.deposit WHERE tx_hash = ? AND comment = 'not-a-memo with noise'",
                stranger.transactionHash())).isOne();
    }

    private static IncomingDeposit deposit(Optional<String> comment, String amount) {
        return new IncomingDeposit(UUID.randomUUID().toString(), System.nanoTime(), Instant.now(), Money.parse(amount, Currency.USDT),
                "0:" + "ab".repeat(32), comment);
    }

    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }
}
