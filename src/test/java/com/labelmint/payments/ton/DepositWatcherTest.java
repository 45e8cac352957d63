package com.labelmint.payments.ton;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.deposit.DepositWatcher;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.tasks.QueueFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The deposit watcher against the toncenter stand-in: the hot wallet's history holds a deposit with a memo, one
 * forged from a stranger's jetton wallet, one with an unknown memo, our own payout and its excesses.
 */
@QuarkusTest
class DepositWatcherTest {

    @Inject
    DepositWatcher watcher;

    @Inject
    PaymentsApi payments;

    @Inject
    DataSource dataSource;

    @Test
    void theDepositWithAMemoIsCreditedOnceAndNothingElseIs() throws Exception {
        UUID depositor = UUID.randomUUID();
        // the fixture's comment, "LM-7Q4X-K2P9", written as people type a memo
        QueueFixtures.execute(dataSource, "DELETE FROM payments.deposit_memo WHERE memo = 'lm7q4xk2p9'");
        QueueFixtures.execute(dataSource, "INSERT INTO payments.deposit_memo (user_id, memo, created_at) VALUES (?, 'lm7q4xk2p9', now())",
                depositor);
        QueueFixtures.execute(dataSource, "DELETE FROM payments.chain_cursor WHERE name = 'hot-wallet-deposits'");

        try (ToncenterStandIn toncenter = new ToncenterStandIn()) {
            toncenter.answerGet("getTransactions", 200, "getTransactions.json", TransactionFixtures.placeholders());
            IncomingUsdtDecoder decoder = new IncomingUsdtDecoder(PayoutFixtures.HOT_JETTON_WALLET);

            int first = watcher.poll(toncenter.client(), PayoutFixtures.HOT_WALLET.address(), decoder);
            QueueFixtures.execute(dataSource, "DELETE FROM payments.chain_cursor WHERE name = 'hot-wallet-deposits'");
            int again = watcher.poll(toncenter.client(), PayoutFixtures.HOT_WALLET.address(), decoder);

            assertThat(first).isOne();
            assertThat(again).as("a poll from the start again credits nothing twice").isZero();
        }
        assertThat(payments.balances(depositor)).singleElement().satisfies(balance ->
                assertThat(balance.balance()).isEqualTo(Money.ofUnits(TransactionFixtures.DEPOSIT_UNITS, Currency.USDT)));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.deposit WHERE comment = ? AND status = 'unmatched'",
                TransactionFixtures.MEMO_IN_REF)).isOne();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.deposit WHERE amount = 1000000000000")).isZero();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.chain_cursor WHERE name = 'hot-wallet-deposits'")).isOne();
    }
}
