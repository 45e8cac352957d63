package com.labelmint.payments.ton;

import java.math.BigInteger;
import java.util.Base64;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/** TEP-74 message bodies as jetton wallets write them, built with ton4j cells, as base64 BoCs. */
final class JettonBodies {

    private JettonBodies() {
    }

    static String transferNotification(long queryId, long amount, TonAddress sender, String comment, boolean commentInRef) {
        CellBuilder body = CellBuilder.beginCell()
                .storeUint(JettonOps.TRANSFER_NOTIFICATION, 32)
                .storeUint(queryId, 64)
                .storeCoins(BigInteger.valueOf(amount))
                .storeAddress(sender.toTon4j());
        Cell payload = TextComment.encode(comment);
        if (commentInRef) {
            body.storeBit(true).storeRef(payload);
        } else {
            body.storeBit(false).storeCell(payload);
        }
        return boc(body.endCell());
    }

    static String excesses(long queryId) {
        return boc(CellBuilder.beginCell().storeUint(JettonOps.EXCESSES, 32).storeUint(queryId, 64).endCell());
    }

    /** What comes back when our jetton wallet throws on a transfer: 0xffffffff, then the start of the transfer. */
    static String bouncedTransfer(long queryId) {
        return boc(CellBuilder.beginCell()
                .storeUint(JettonOps.BOUNCED, 32)
                .storeUint(JettonOps.TRANSFER, 32)
                .storeUint(queryId, 64)
                .storeCoins(BigInteger.valueOf(12_500_000))
                .endCell());
    }

    static String addressCell(TonAddress address) {
        return boc(CellBuilder.beginCell().storeAddress(address.toTon4j()).endCell());
    }

    static String boc(Cell cell) {
        return Base64.getEncoder().encodeToString(cell.toBoc());
    }
}
