package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.PayoutFixtures.ATTACHED_NANOTONS;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_JETTON_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.LABELER;
import static com.labelmint.payments.ton.PayoutFixtures.TRANSFERS;
import static com.labelmint.payments.ton.PayoutFixtures.VALID_UNTIL;
import static com.labelmint.payments.ton.PayoutFixtures.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.iwebpp.crypto.TweetNaclFast;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.bitstring.BitString;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.ActionSendMsg;
import org.ton.ton4j.tlb.ExternalMessageInInfo;
import org.ton.ton4j.tlb.InternalMessageInfoRelaxed;
import org.ton.ton4j.tlb.Message;
import org.ton.ton4j.tlb.MessageRelaxed;
import org.ton.ton4j.tlb.OutList;

/** Reads our signed payout back, field by field, with ton4j's deserialisers (the JS SDK does the same in TonInteropTest). */
class UsdtTransfersTest {

    @Test
    void theExternalMessageGoesToTheHotWalletWithoutStateInitOnceDeployed() {
        Message external = parse(TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 42, true)));

        assertThat(((ExternalMessageInInfo) external.getInfo()).getDstAddr().toAddress().toRaw())
                .isEqualTo(HOT_WALLET.address().raw());
        assertThat(external.getInit()).isNull();
    }

    @Test
    void aNewWalletsFirstMessageCarriesItsStateInit() {
        Message external = parse(TRANSFERS.sign(payout(1, 1_000_000, "first", 0, false)));
        assertThat(external.getInit()).isNotNull();
        assertThat(external.getInit().getAddress().toRaw()).isEqualTo(HOT_WALLET.address().raw());
    }

    @Test
    void theSignedRequestCarriesWalletIdSeqnoExpiryAndAValidSignature() {
        Message external = parse(TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 42, true)));
        CellSlice request = CellSlice.beginParse(external.getBody());

        assertThat(request.loadUint(32).longValue()).isEqualTo(0x7369676eL);
        assertThat(request.loadUint(32).longValue()).isEqualTo(TonVectors.MAINNET_WALLET_ID);
        assertThat(request.loadUint(32).longValue()).isEqualTo(VALID_UNTIL.getEpochSecond());
        assertThat(request.loadUint(32).longValue()).isEqualTo(42);
        assertThat(signatureIsValid(external.getBody())).isTrue();
    }

    @Test
    void oneInternalMessageToOurOwnJettonWalletBounceableWithTheGasMoney() {
        MessageRelaxed internal = onlyOutMessage(parse(TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 42, true))));
        InternalMessageInfoRelaxed info = (InternalMessageInfoRelaxed) internal.getInfo();

        assertThat(info.getDstAddr().toAddress().toRaw()).isEqualTo(HOT_JETTON_WALLET.raw());
        assertThat(info.getBounce()).isTrue();
        assertThat(info.getValue().getCoins()).isEqualTo(BigInteger.valueOf(ATTACHED_NANOTONS));
        assertThat(internal.getInit()).isNull();
    }

    @Test
    void theBodyIsATep74TransferToTheLabelerWithTheComment() {
        MessageRelaxed internal = onlyOutMessage(parse(TRANSFERS.sign(payout(7, 12_500_000, "LabelMint payout #7 ✓", 42, true))));
        CellSlice body = CellSlice.beginParse(internal.getBody());

        assertThat(body.loadUint(32).longValue()).isEqualTo(0x0f8a7ea5L);
        assertThat(body.loadUint(64).longValue()).isEqualTo(7);
        assertThat(body.loadCoins()).isEqualTo(BigInteger.valueOf(12_500_000));
        assertThat(TvmAddresses.loadRaw(body)).isEqualTo(LABELER.raw());
        assertThat(TvmAddresses.loadRaw(body)).isEqualTo(HOT_WALLET.address().raw());
        assertThat(body.loadBit()).as("custom payload").isFalse();
        assertThat(body.loadCoins()).as("forward TON").isEqualTo(BigInteger.ONE);
        assertThat(body.loadBit()).as("forward payload in a ref").isTrue();
        assertThat(TextComment.decode(CellSlice.beginParse(body.loadRef()))).contains("LabelMint payout #7 ✓");
    }

    @Test
    void theRecordCarriesHashesThatFindTheMessageAgain() {
        SignedTransfer signed = TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 42, true));
        Message external = parse(signed);

        assertThat(signed.queryId()).isEqualTo(7);
        assertThat(signed.seqno()).isEqualTo(42);
        // A cell ton4j cut out of a parsed message has no hash computed yet: rebuild it to get one.
        Cell body = CellBuilder.beginCell().storeCell(external.getBody()).endCell();
        assertThat(signed.bodyHash()).isEqualTo(Base64.getEncoder().encodeToString(body.getHash()));
        assertThat(signed.normalizedHash()).hasSize(64).isEqualTo(HexFormat.of().formatHex(external.getNormalizedHash()));
        // The same payout signs to the same bytes (Ed25519 is deterministic): a resend is the same message.
        assertThat(TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 42, true))).isEqualTo(signed);
        assertThat(TRANSFERS.sign(payout(7, 12_500_000, "payout 7", 43, true)).normalizedHash()).isNotEqualTo(signed.normalizedHash());
    }

    @Test
    void nonsensePayoutsAreRefused() {
        assertThatThrownBy(() -> payout(-1, 1, "x", 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payout(1, 0, "x", 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payout(1, 1, "x", -1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsdtTransfers(HOT_WALLET, HOT_JETTON_WALLET, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Message parse(SignedTransfer signed) {
        return Message.deserialize(CellSlice.beginParse(Cell.fromBocBase64(signed.boc())));
    }

    private static MessageRelaxed onlyOutMessage(Message external) {
        CellSlice request = CellSlice.beginParse(external.getBody());
        request.skipBits(32 * 4);
        Cell outList = request.loadMaybeRefX();
        assertThat(request.loadBit()).as("other actions").isFalse();
        OutList actions = OutList.deserialize(CellSlice.beginParse(outList));
        assertThat(actions.getActions()).hasSize(1);
        ActionSendMsg send = (ActionSendMsg) actions.getActions().get(0);
        assertThat(send.getMode()).isEqualTo(3);
        return send.getOutMsg();
    }

    /** The wallet verifies the signature (the last 512 bits) over the hash of the rest of the body. */
    private static boolean signatureIsValid(Cell body) {
        CellSlice slice = CellSlice.beginParse(body);
        int signedBits = slice.getRestBits() - 512;
        BitString signedPart = slice.loadBits(signedBits);
        byte[] signature = slice.loadBytes(512);
        CellBuilder unsigned = CellBuilder.beginCell().storeBitString(signedPart);
        body.getRefs().forEach(unsigned::storeRef);
        byte[] hash = unsigned.endCell().getHash();
        return new TweetNaclFast.Signature(HOT_WALLET.publicKey(), new byte[0]).detached_verify(hash, signature)
                && !Arrays.equals(signature, new byte[64]);
    }
}
