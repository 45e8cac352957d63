package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.util.UUID;

/** A ledger account for admins: its kind, its owner (a person or a project; null for the platform's own) and balances. */
public record LedgerAccountView(UUID id, String kind, UUID ownerId, Money balance, Money available, Money incoming, Money held) {
}
