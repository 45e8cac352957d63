package com.labelmint.payments.ton;

/**
 * A transaction's identity: its logical time and hash (base64, as toncenter gives it). The hash is unique; credit
 * a deposit once per hash.
 */
public record TransactionId(long lt, String hash) {
}
