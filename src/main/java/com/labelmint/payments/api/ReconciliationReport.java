package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One reconciliation run.
 *
 * @param hotWalletChain what the chain reported, or {@code null} when no chain was asked
 * @param clean the invariants held and the chain agreed with the ledger (within the withdrawals in flight)
 */
public record ReconciliationReport(UUID id, Instant ranAt, boolean clean, List<String> violations, Money hotWalletLedger,
                                   Money hotWalletChain, Money inFlight) {
}
