package com.labelmint.payments.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * The business object behind a transfer, so any movement can be traced to it: {@code ("answer", answerId)},
 * {@code ("project", projectId)}, {@code ("withdrawal", withdrawalId)}.
 */
public record TransferReason(String type, UUID id, String note) {

    public TransferReason {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static TransferReason of(String type, UUID id) {
        return new TransferReason(type, id, null);
    }

    public TransferReason withNote(String text) {
        return new TransferReason(type, id, text);
    }
}
