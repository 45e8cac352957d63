package com.labelmint.payments.withdrawal;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a withdrawal is. Its amount is held from the request on; {@link #COMPLETED} posts the hold, {@link #FAILED}
 * and {@link #REJECTED} void it.
 */
public enum WithdrawalStatus {
    /** Above the approval threshold: waits for an admin. */
    AWAITING_APPROVAL,
    /** An admin approved it: queued like any other. */
    APPROVED,
    QUEUED,
    /** A message was signed and recorded; it may or may not have reached the network yet. */
    SENDING,
    /** The hot wallet executed the message; the jetton wallets' answer (delivered or bounced) is awaited. */
    SENT,
    COMPLETED,
    FAILED,
    REJECTED;

    @JsonValue
    public String dbName() {
        return name().toLowerCase();
    }

    public static WithdrawalStatus ofDbName(String dbName) {
        for (WithdrawalStatus status : values()) {
            if (status.dbName().equals(dbName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown withdrawal status " + dbName);
    }

    /** Not signed yet: an admin may still reject it. */
    boolean unsent() {
        return this == AWAITING_APPROVAL || this == APPROVED || this == QUEUED;
    }
}
