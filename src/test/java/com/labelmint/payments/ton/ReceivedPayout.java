package com.labelmint.payments.ton;

import java.math.BigInteger;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.ActionSendMsg;
import org.ton.ton4j.tlb.ExternalMessageInInfo;
import org.ton.ton4j.tlb.InternalMessageInfoRelaxed;
import org.ton.ton4j.tlb.Message;
import org.ton.ton4j.tlb.MessageRelaxed;
import org.ton.ton4j.tlb.OutList;

/**
 * A payout message as the toncenter stand-in received it, read back field by field with ton4j's deserialisers
 * (TonInteropTest has the JS SDK read the same layout): the wallet it is for, its seqno, and the TEP-74 transfer
 * inside. Addresses are raw.
 */
public record ReceivedPayout(String wallet, long seqno, String jettonWallet, long queryId, long amountUnits, String destination,
                             String responseDestination, String comment) {

    private static final long TRANSFER = 0x0f8a7ea5L;

    public static ReceivedPayout read(String boc) {
        Message external = Message.deserialize(CellSlice.beginParse(Cell.fromBocBase64(boc)));
        CellSlice request = CellSlice.beginParse(external.getBody());
        request.skipBits(32 * 3); // op, wallet id, valid until
        long seqno = request.loadUint(32).longValue();
        OutList actions = OutList.deserialize(CellSlice.beginParse(request.loadMaybeRefX()));
        if (actions.getActions().size() != 1) {
            throw new IllegalArgumentException("A payout sends one message, not " + actions.getActions().size());
        }
        MessageRelaxed internal = ((ActionSendMsg) actions.getActions().get(0)).getOutMsg();
        CellSlice body = CellSlice.beginParse(internal.getBody());
        if (body.loadUint(32).longValue() != TRANSFER) {
            throw new IllegalArgumentException("Not a TEP-74 jetton transfer");
        }
        long queryId = body.loadUint(64).longValue();
        BigInteger amount = body.loadCoins();
        String destination = TvmAddresses.loadRaw(body);
        String response = TvmAddresses.loadRaw(body);
        if (body.loadBit()) {
            throw new IllegalArgumentException("A payout carries no custom payload");
        }
        body.loadCoins(); // forward TON
        String comment = body.loadBit() ? TextComment.decode(CellSlice.beginParse(body.loadRef())).orElse(null)
                : TextComment.decode(body).orElse(null);
        return new ReceivedPayout(((ExternalMessageInInfo) external.getInfo()).getDstAddr().toAddress().toRaw(), seqno,
                ((InternalMessageInfoRelaxed) internal.getInfo()).getDstAddr().toAddress().toRaw(), queryId, amount.longValueExact(),
                destination, response, comment);
    }
}
