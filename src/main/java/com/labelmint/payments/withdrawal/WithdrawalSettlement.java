package com.labelmint.payments.withdrawal;

import com.labelmint.payments.api.WithdrawalCompleted;
import com.labelmint.payments.api.WithdrawalFailed;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Ends a withdrawal and settles its hold in the same transaction: paid posts it (the money has left the hot wallet),
 * failed or rejected voids it (the person's balance is available again). The ledger transfers' ids derive from the
 * withdrawal, so a repeated settlement moves nothing twice. The caller holds the row's lock.
 */
@ApplicationScoped
class WithdrawalSettlement {

    private final Ledger ledger;
    private final WithdrawalStore store;
    private final EventPublisher events;
    private final Clock clock;

    WithdrawalSettlement(Ledger ledger, WithdrawalStore store, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    void completed(Connection connection, Withdrawal withdrawal) throws SQLException {
        ledger.transfer(connection, TransferRequest.postPending(settlementId("post", withdrawal), withdrawal.holdTransferId(), null,
                reason(withdrawal).withNote("sent in TON transaction " + withdrawal.txHash())));
        store.move(connection, withdrawal.id(), WithdrawalStatus.COMPLETED, null, clock.instant());
        events.publish(new WithdrawalCompleted(UUID.randomUUID(), clock.instant(), withdrawal.id(), withdrawal.userId(),
                withdrawal.amount(), withdrawal.addressRaw(), withdrawal.txHash()));
    }

    /** @param status {@link WithdrawalStatus#FAILED} or {@link WithdrawalStatus#REJECTED} */
    void released(Connection connection, Withdrawal withdrawal, WithdrawalStatus status, String reasonShown) throws SQLException {
        ledger.transfer(connection, TransferRequest.voidPending(settlementId("void", withdrawal), withdrawal.holdTransferId(),
                reason(withdrawal).withNote(status.dbName())));
        store.move(connection, withdrawal.id(), status, reasonShown, clock.instant());
        events.publish(new WithdrawalFailed(UUID.randomUUID(), clock.instant(), withdrawal.id(), withdrawal.userId(), withdrawal.amount(),
                status == WithdrawalStatus.REJECTED, reasonShown));
    }

    static TransferReason reason(Withdrawal withdrawal) {
        return TransferReason.of("withdrawal", withdrawal.id());
    }

    private static UUID settlementId(String kind, Withdrawal withdrawal) {
        return UUID.nameUUIDFromBytes(("withdrawal-" + kind + ":" + withdrawal.id()).getBytes(StandardCharsets.UTF_8));
    }
}
