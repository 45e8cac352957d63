package com.labelmint.payments.ledger;

import com.labelmint.platform.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * A transfer to make. The id is the caller's idempotency key: the ledger applies an id once, answers a repeat of
 * the same request with the stored transfer, and refuses a different request under a used id. Posting and
 * voiding name the pending transfer; the accounts and currency come from it.
 *
 * @param amount for {@code POST_PENDING}, the part of the pending amount to post, or {@code null} for all of it;
 *               for {@code VOID_PENDING}, always {@code null}
 */
public record TransferRequest(UUID id, TransferKind kind, UUID debitAccountId, UUID creditAccountId, Money amount,
                              UUID pendingId, TransferReason reason) {

    public TransferRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        boolean settles = kind == TransferKind.POST_PENDING || kind == TransferKind.VOID_PENDING;
        if (settles != (pendingId != null) || settles == (debitAccountId != null && creditAccountId != null)) {
            throw new IllegalArgumentException("A " + kind.dbName() + " transfer names " + (settles ? "a pending transfer" : "two accounts"));
        }
        if (!settles && amount == null || kind == TransferKind.VOID_PENDING && amount != null) {
            throw new IllegalArgumentException("A " + kind.dbName() + " transfer " + (settles ? "has no amount" : "needs an amount"));
        }
    }

    public static TransferRequest posted(UUID id, UUID debitAccountId, UUID creditAccountId, Money amount, TransferReason reason) {
        return new TransferRequest(id, TransferKind.POSTED, debitAccountId, creditAccountId, amount, null, reason);
    }

    public static TransferRequest pending(UUID id, UUID debitAccountId, UUID creditAccountId, Money amount, TransferReason reason) {
        return new TransferRequest(id, TransferKind.PENDING, debitAccountId, creditAccountId, amount, null, reason);
    }

    /** Posts {@code amount} of the pending transfer, or all of it when {@code amount} is {@code null}. */
    public static TransferRequest postPending(UUID id, UUID pendingId, Money amount, TransferReason reason) {
        return new TransferRequest(id, TransferKind.POST_PENDING, null, null, amount, pendingId, reason);
    }

    public static TransferRequest voidPending(UUID id, UUID pendingId, TransferReason reason) {
        return new TransferRequest(id, TransferKind.VOID_PENDING, null, null, null, pendingId, reason);
    }

    /** Whether {@code stored} is what this request asks for: the test for a harmless repeat. */
    boolean sameAs(Transfer stored) {
        return stored.kind() == kind && Objects.equals(stored.pendingId(), pendingId)
                && (debitAccountId == null || debitAccountId.equals(stored.debitAccountId()))
                && (creditAccountId == null || creditAccountId.equals(stored.creditAccountId()))
                && (amount == null || amount.equals(stored.amount()))
                && stored.reason().type().equals(reason.type()) && stored.reason().id().equals(reason.id());
    }
}
