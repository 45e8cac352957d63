package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.HotWalletHistory.BOUNCED_PAYOUT;
import static com.labelmint.payments.ton.HotWalletHistory.DEPOSIT_INLINE_COMMENT;
import static com.labelmint.payments.ton.HotWalletHistory.EXCESSES;
import static com.labelmint.payments.ton.HotWalletHistory.OUR_PAYOUT;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_JETTON_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.LABELER;
import static com.labelmint.payments.ton.PayoutFixtures.LABELER_JETTON_WALLET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PayoutConfirmationsTest {

    private static final PayoutConfirmations CONFIRMATIONS = new PayoutConfirmations(HOT_JETTON_WALLET);
    private static List<TonTransaction> history;

    @BeforeAll
    static void readHistory() {
        history = HotWalletHistory.read();
    }

    @Test
    void ourSignedPayoutIsFoundByItsBodyHashAndQueryId() {
        TonTransaction transaction = history.get(OUR_PAYOUT);

        SentPayout sent = CONFIRMATIONS.sent(transaction).orElseThrow();

        assertThat(sent.transaction()).isEqualTo(transaction.id());
        assertThat(sent.externalBodyHash()).isEqualTo(TransactionFixtures.PAYOUT.bodyHash());
        assertThat(sent.queryId()).isEqualTo(TransactionFixtures.PAYOUT.queryId());
        assertThat(sent.amountUnits()).isEqualTo(12_500_000L);
        assertThat(sent.destination()).isEqualTo(LABELER.raw());
    }

    @Test
    void onlyOurPayoutCountsAsSent() {
        assertThat(history.stream().map(CONFIRMATIONS::sent).flatMap(Optional::stream)).hasSize(1);
    }

    @Test
    void aBounceFromOurJettonWalletFailsThePayout() {
        assertThat(CONFIRMATIONS.event(history.get(BOUNCED_PAYOUT)))
                .contains(new PayoutEvent.Bounced(history.get(BOUNCED_PAYOUT).id(), 8));
    }

    @Test
    void excessesNameTheirSourceForTheCallerToCheck() {
        assertThat(CONFIRMATIONS.event(history.get(EXCESSES)))
                .contains(new PayoutEvent.Excess(history.get(EXCESSES).id(), 7, LABELER_JETTON_WALLET.raw()));
    }

    @Test
    void depositsAndOtherMessagesAreNoPayoutEvents() {
        assertThat(CONFIRMATIONS.event(history.get(DEPOSIT_INLINE_COMMENT))).isEmpty();
        assertThat(CONFIRMATIONS.event(history.get(OUR_PAYOUT))).isEmpty();
        assertThat(CONFIRMATIONS.sent(history.get(DEPOSIT_INLINE_COMMENT))).isEmpty();
    }
}
