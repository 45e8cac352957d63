package com.labelmint.payments.withdrawal;

/**
 * The body of {@code POST /api/v1/wallet/withdrawals}: {@code {"amount": "12.5", "address": "UQ…"}}. The amount is
 * an {@code Object} so that a JSON number is seen and refused instead of silently turned into a string.
 *
 * @param currency optional; USDT is the only currency withdrawn
 */
public record WithdrawalOrder(Object amount, String address, String currency) {
}
