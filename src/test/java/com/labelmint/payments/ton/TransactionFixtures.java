package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.PayoutFixtures.LABELER;
import static com.labelmint.payments.ton.PayoutFixtures.STRANGER;
import static com.labelmint.payments.ton.PayoutFixtures.TRANSFERS;
import static com.labelmint.payments.ton.PayoutFixtures.payout;

import java.util.Map;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.ActionSendMsg;
import org.ton.ton4j.tlb.Message;
import org.ton.ton4j.tlb.OutList;

/** The bodies behind getTransactions.json's placeholders, one per transaction kind the decoders must tell apart. */
final class TransactionFixtures {

    static final long DEPOSIT_UNITS = 250_000_000L;
    static final String DEPOSIT_MEMO = "LM-7Q4X-K2P9";
    static final String MEMO_IN_REF = "LM-REF-0001";
    static final SignedTransfer PAYOUT = TRANSFERS.sign(payout(7, 12_500_000, "LabelMint payout #7", 42, true));

    private TransactionFixtures() {
    }

    static Map<String, String> placeholders() {
        Message external = Message.deserialize(CellSlice.beginParse(Cell.fromBocBase64(PAYOUT.boc())));
        return Map.of(
                "NOTIFICATION_INLINE_COMMENT", JettonBodies.transferNotification(901, DEPOSIT_UNITS, LABELER, DEPOSIT_MEMO, false),
                "NOTIFICATION_FORGED", JettonBodies.transferNotification(902, 1_000_000_000_000L, STRANGER, DEPOSIT_MEMO, false),
                "NOTIFICATION_COMMENT_IN_REF", JettonBodies.transferNotification(903, 5_000_000L, LABELER, MEMO_IN_REF, true),
                "PAYOUT_EXTERNAL_BODY", JettonBodies.boc(rebuilt(external.getBody())),
                "PAYOUT_EXTERNAL_BODY_HASH", PAYOUT.bodyHash(),
                "PAYOUT_JETTON_TRANSFER", JettonBodies.boc(rebuilt(jettonTransferOf(external))),
                "EXCESSES", JettonBodies.excesses(7),
                "BOUNCED_TRANSFER", JettonBodies.bouncedTransfer(8));
    }

    /** The jetton transfer body inside our signed payout: what the wallet sends its jetton wallet. */
    static Cell jettonTransferOf(Message external) {
        CellSlice request = CellSlice.beginParse(external.getBody());
        request.skipBits(32 * 4);
        OutList actions = OutList.deserialize(CellSlice.beginParse(request.loadMaybeRefX()));
        return ((ActionSendMsg) actions.getActions().get(0)).getOutMsg().getBody();
    }

    /** Cells that ton4j cut out of a parsed message need rebuilding before they serialise with their hashes. */
    static Cell rebuilt(Cell cell) {
        return CellBuilder.beginCell().storeCell(cell).endCell();
    }

}
