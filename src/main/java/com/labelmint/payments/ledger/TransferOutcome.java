package com.labelmint.payments.ledger;

/**
 * What a call to the ledger did: {@code repeated} when the id had been applied before and nothing moved now, so
 * a caller announces a movement (publishes an event) only the first time.
 */
public record TransferOutcome(Transfer transfer, boolean repeated) {
}
