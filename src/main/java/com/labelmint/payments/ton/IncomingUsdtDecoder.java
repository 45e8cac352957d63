package com.labelmint.payments.ton;

import java.math.BigInteger;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;

/**
 * Recognises USDT deposits among the hot wallet's transactions: an incoming {@code transfer_notification}
 * (TEP-74) whose source is our own USDT jetton wallet. Anyone can send the same body from elsewhere, so a
 * notification from any other address is ignored: only our jetton wallet's word proves jettons arrived.
 */
public final class IncomingUsdtDecoder {

    private static final Logger LOG = Logger.getLogger(IncomingUsdtDecoder.class);

    private final TonAddress hotJettonWallet;

    /** @param hotJettonWallet the hot wallet's own USDT jetton wallet */
    public IncomingUsdtDecoder(TonAddress hotJettonWallet) {
        this.hotJettonWallet = hotJettonWallet;
    }

    public Optional<UsdtDeposit> deposit(TonTransaction transaction) {
        Optional<TonMessage> in = transaction.inMessage()
                .filter(message -> !message.isExternal())
                .filter(message -> hotJettonWallet.isNamedBy(message.source()));
        if (in.isEmpty() || in.get().bodyBoc().isEmpty()) {
            return Optional.empty();
        }
        try {
            return CellReading.read("transfer_notification", () -> notification(transaction, in.get().bodyBoc().get()));
        } catch (IllegalArgumentException e) {
            // Our own jetton wallet sent something we cannot read: worth a look, never a credit.
            LOG.warnf("Unreadable message from our USDT jetton wallet in transaction %s: %s", transaction.id().hash(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * <pre>transfer_notification#7362d09c query_id:uint64 amount:(VarUInteger 16) sender:MsgAddress
     *     forward_payload:(Either Cell ^Cell) = InternalMsgBody;</pre>
     */
    private static Optional<UsdtDeposit> notification(TonTransaction transaction, String bodyBoc) {
        CellSlice body = CellSlice.beginParse(Cell.fromBocBase64(bodyBoc));
        if (body.getRestBits() < 32 || body.loadUint(32).longValue() != JettonOps.TRANSFER_NOTIFICATION) {
            return Optional.empty();
        }
        body.loadUint(64); // query_id: the depositor's, meaningless to us
        BigInteger amount = body.loadCoins();
        String sender = TvmAddresses.loadRaw(body);
        CellSlice forwardPayload = body.loadBit() ? CellSlice.beginParse(body.loadRef()) : body;
        if (amount.signum() == 0) {
            return Optional.empty();
        }
        if (amount.bitLength() > 63) {
            throw new IllegalArgumentException("amount " + amount + " exceeds any real USDT balance");
        }
        return Optional.of(new UsdtDeposit(transaction.id(), transaction.utime(), amount.longValueExact(), sender,
                TextComment.decode(forwardPayload)));
    }
}
