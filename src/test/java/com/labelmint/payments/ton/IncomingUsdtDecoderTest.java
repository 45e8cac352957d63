package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.HotWalletHistory.DEPOSIT_COMMENT_IN_REF;
import static com.labelmint.payments.ton.HotWalletHistory.DEPOSIT_INLINE_COMMENT;
import static com.labelmint.payments.ton.HotWalletHistory.FORGED_NOTIFICATION;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_JETTON_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.LABELER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.CellBuilder;

class IncomingUsdtDecoderTest {

    private static final IncomingUsdtDecoder DECODER = new IncomingUsdtDecoder(HOT_JETTON_WALLET);
    private static List<TonTransaction> history;

    @BeforeAll
    static void readHistory() {
        history = HotWalletHistory.read();
    }

    @Test
    void aNotificationFromOurJettonWalletIsADepositWithItsMemo() {
        TonTransaction transaction = history.get(DEPOSIT_INLINE_COMMENT);

        UsdtDeposit deposit = DECODER.deposit(transaction).orElseThrow();

        assertThat(deposit.transaction()).isEqualTo(transaction.id());
        assertThat(deposit.utime()).isEqualTo(1795705260L);
        assertThat(deposit.amountUnits()).isEqualTo(TransactionFixtures.DEPOSIT_UNITS);
        assertThat(deposit.sender()).isEqualTo(LABELER.raw());
        assertThat(deposit.comment()).contains(TransactionFixtures.DEPOSIT_MEMO);
    }

    @Test
    void aCommentInARefIsReadToo() {
        UsdtDeposit deposit = DECODER.deposit(history.get(DEPOSIT_COMMENT_IN_REF)).orElseThrow();
        assertThat(deposit.amountUnits()).isEqualTo(5_000_000L);
        assertThat(deposit.comment()).contains(TransactionFixtures.MEMO_IN_REF);
    }

    @Test
    void theSameNotificationFromAnyoneElseIsIgnored() {
        assertThat(history.get(FORGED_NOTIFICATION).inMessage().orElseThrow().bodyBoc()).isPresent();
        assertThat(DECODER.deposit(history.get(FORGED_NOTIFICATION))).isEmpty();
    }

    @Test
    void onlyTheTwoRealDepositsOfTheHistoryAreFound() {
        assertThat(history.stream().map(DECODER::deposit).flatMap(Optional::stream))
                .extracting(UsdtDeposit::comment)
                .containsExactly(Optional.of(TransactionFixtures.DEPOSIT_MEMO), Optional.of(TransactionFixtures.MEMO_IN_REF));
    }

    @Test
    void aDepositWithoutTextCommentHasNone() {
        String body = JettonBodies.boc(CellBuilder.beginCell()
                .storeUint(JettonOps.TRANSFER_NOTIFICATION, 32).storeUint(1, 64)
                .storeCoins(BigInteger.TEN).storeAddress(LABELER.toTon4j()).storeBit(false).endCell());
        assertThat(DECODER.deposit(fromOurJettonWallet(body))).hasValueSatisfying(deposit -> {
            assertThat(deposit.amountUnits()).isEqualTo(10);
            assertThat(deposit.comment()).isEmpty();
        });
    }

    @Test
    void garbageFromOurJettonWalletIsNoDeposit() {
        assertThat(DECODER.deposit(fromOurJettonWallet("te6cckEBAQEAAgAAAEysuc0="))).isEmpty();
        assertThat(DECODER.deposit(fromOurJettonWallet("bm90IGEgYm9j"))).isEmpty();
        assertThat(DECODER.deposit(fromOurJettonWallet(JettonBodies.excesses(5)))).isEmpty();
        assertThat(DECODER.deposit(fromOurJettonWallet(JettonBodies.transferNotification(1, 0, LABELER, "zero", false)))).isEmpty();
    }

    private static TonTransaction fromOurJettonWallet(String bodyBoc) {
        TonMessage in = new TonMessage(HOT_JETTON_WALLET.userFriendly(TonNetwork.MAINNET, true), HOT_WALLET.address().raw(),
                1, "", Optional.of(bodyBoc), Optional.empty(), 1);
        return new TonTransaction(new TransactionId(2, "aGFzaA=="), 1795705000L, Optional.of(in), List.of());
    }
}
