/**
 * The payments module: the double-entry ledger, escrow, payouts, deposits, withdrawals and the TON adapter.
 *
 * <p>Other modules see only {@code com.labelmint.payments.api}; everything else here is private to the
 * module, and its tables live in the {@code payments} PostgreSQL schema.
 */
package com.labelmint.payments;
