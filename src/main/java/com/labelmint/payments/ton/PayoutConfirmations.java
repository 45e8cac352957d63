package com.labelmint.payments.ton;

import java.math.BigInteger;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;

/**
 * Finds our own payouts among the hot wallet's transactions, so a sender that restarted between sending and
 * confirming learns what became of each: sent (by the external message's body hash or the query id), bounced, or
 * delivered.
 */
public final class PayoutConfirmations {

    private static final Logger LOG = Logger.getLogger(PayoutConfirmations.class);

    private final TonAddress hotJettonWallet;

    /** @param hotJettonWallet the hot wallet's own USDT jetton wallet */
    public PayoutConfirmations(TonAddress hotJettonWallet) {
        this.hotJettonWallet = hotJettonWallet;
    }

    /** The payout this transaction executed, if it is one: our external message, sending a jetton transfer. */
    public Optional<SentPayout> sent(TonTransaction transaction) {
        Optional<TonMessage> external = transaction.inMessage().filter(TonMessage::isExternal);
        if (external.isEmpty()) {
            return Optional.empty();
        }
        return transaction.outMessages().stream()
                .filter(out -> hotJettonWallet.isNamedBy(out.destination()))
                .filter(out -> out.bodyBoc().isPresent())
                .map(out -> readTransfer(transaction, external.get().bodyHash(), out.bodyBoc().get()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A bounce of one of our transfers, or an {@code excesses} for one; empty for anything else. */
    public Optional<PayoutEvent> event(TonTransaction transaction) {
        Optional<TonMessage> in = transaction.inMessage().filter(message -> !message.isExternal())
                .filter(message -> message.bodyBoc().isPresent());
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try {
            return CellReading.read("payout reply", () -> readEvent(transaction, in.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<PayoutEvent> readEvent(TonTransaction transaction, TonMessage in) {
        CellSlice body = CellSlice.beginParse(Cell.fromBocBase64(in.bodyBoc().get()));
        if (body.getRestBits() < 32 + 64) {
            return Optional.empty();
        }
        long op = body.loadUint(32).longValue();
        if (op == JettonOps.EXCESSES) {
            String source = TonAddress.parseAnyNetwork(in.source()).map(TonAddress::raw).orElse(in.source());
            return Optional.of(new PayoutEvent.Excess(transaction.id(), body.loadUint(64).longValue(), source));
        }
        boolean fromOurJettonWallet = hotJettonWallet.isNamedBy(in.source());
        if (op == JettonOps.BOUNCED && fromOurJettonWallet && body.getRestBits() >= 32 + 64
                && body.loadUint(32).longValue() == JettonOps.TRANSFER) {
            return Optional.of(new PayoutEvent.Bounced(transaction.id(), body.loadUint(64).longValue()));
        }
        return Optional.empty();
    }

    /** <pre>transfer#0f8a7ea5 query_id:uint64 amount:(VarUInteger 16) destination:MsgAddress …</pre> */
    private static Optional<SentPayout> readTransfer(TonTransaction transaction, String externalBodyHash, String bodyBoc) {
        try {
            return CellReading.read("jetton transfer", () -> {
                CellSlice body = CellSlice.beginParse(Cell.fromBocBase64(bodyBoc));
                if (body.getRestBits() < 32 || body.loadUint(32).longValue() != JettonOps.TRANSFER) {
                    return Optional.empty();
                }
                long queryId = body.loadUint(64).longValue();
                BigInteger amount = body.loadCoins();
                String destination = TvmAddresses.loadRaw(body);
                return Optional.of(new SentPayout(transaction.id(), transaction.utime(), externalBodyHash, queryId,
                        amount.longValueExact(), destination));
            });
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unreadable jetton transfer sent by the hot wallet in transaction %s: %s", transaction.id().hash(), e.getMessage());
            return Optional.empty();
        }
    }
}
