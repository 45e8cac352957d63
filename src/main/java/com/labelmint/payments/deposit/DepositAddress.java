package com.labelmint.payments.deposit;

/**
 * Where and how a person deposits: USDT (the jetton {@code jettonMaster}) sent to {@code address} on
 * {@code network}, with {@code memo} as the transfer's comment — without it nobody can tell whose money it is.
 */
public record DepositAddress(String address, String memo, String network, String currency, String jettonMaster) {
}
