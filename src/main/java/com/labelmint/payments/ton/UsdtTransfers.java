package com.labelmint.payments.ton;

import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.smartcontract.token.ft.JettonWallet;
import org.ton.ton4j.tlb.CurrencyCollection;
import org.ton.ton4j.tlb.InternalMessageInfoRelaxed;
import org.ton.ton4j.tlb.Message;
import org.ton.ton4j.tlb.MessageRelaxed;
import org.ton.ton4j.tlb.MsgAddressIntStd;

/**
 * Builds and signs USDT payouts offline: the hot wallet sends an internal message to its own USDT jetton wallet,
 * whose body (TEP-74 {@code transfer}) tells it to move the jettons to the labeler's wallet.
 */
public final class UsdtTransfers {

    /** Enough for the recipient's wallet to get a {@code transfer_notification} carrying our comment. */
    private static final BigInteger FORWARD_TON_AMOUNT = BigInteger.ONE;

    private final HotWallet hotWallet;
    private final TonAddress hotJettonWallet;
    private final BigInteger attachedNanotons;

    /**
     * @param hotJettonWallet the hot wallet's own USDT jetton wallet (the master's {@code get_wallet_address})
     * @param attachedNanotons TON sent along to pay the jetton wallets' gas; the unspent part comes back as
     *     {@code excesses} to the hot wallet
     */
    public UsdtTransfers(HotWallet hotWallet, TonAddress hotJettonWallet, long attachedNanotons) {
        if (attachedNanotons <= FORWARD_TON_AMOUNT.longValue()) {
            throw new IllegalArgumentException("attachedNanotons must cover the forwarded nanoton and the gas");
        }
        this.hotWallet = hotWallet;
        this.hotJettonWallet = hotJettonWallet;
        this.attachedNanotons = BigInteger.valueOf(attachedNanotons);
    }

    public SignedTransfer sign(UsdtPayout payout) {
        Message external = hotWallet.signedExternalMessage(payout.seqno(), payout.validUntil(),
                List.of(toOwnJettonWallet(transferBody(payout))), !payout.walletDeployed());
        Cell message = external.toCell();
        return new SignedTransfer(
                Base64.getEncoder().encodeToString(message.toBoc()),
                HexFormat.of().formatHex(external.getNormalizedHash()),
                Base64.getEncoder().encodeToString(external.getBody().getHash()),
                payout.queryId(),
                payout.seqno());
    }

    private Cell transferBody(UsdtPayout payout) {
        return JettonWallet.createTransferBody(
                payout.queryId(),
                BigInteger.valueOf(payout.amountUnits()),
                payout.destination().toTon4j(),
                hotWallet.address().toTon4j(), // response destination: the excess TON comes back to us
                null, // no custom payload
                FORWARD_TON_AMOUNT,
                TextComment.encode(payout.comment()));
    }

    private MessageRelaxed toOwnJettonWallet(Cell body) {
        return MessageRelaxed.builder()
                .info(InternalMessageInfoRelaxed.builder()
                        .iHRDisabled(true)
                        // Our jetton wallet exists (it holds the USDT): should it fail, the TON must come back.
                        .bounce(true)
                        .bounced(false)
                        .dstAddr(MsgAddressIntStd.builder()
                                .workchainId((byte) 0)
                                .address(hotJettonWallet.toTon4j().toBigInteger())
                                .build())
                        .value(CurrencyCollection.builder().coins(attachedNanotons).build())
                        .build())
                .body(body)
                .build();
    }
}
