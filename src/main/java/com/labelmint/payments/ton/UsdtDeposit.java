package com.labelmint.payments.ton;

import java.util.Optional;

/**
 * USDT that arrived in the hot wallet, read from a {@code transfer_notification} sent by our own USDT jetton wallet.
 *
 * @param transaction credit once per {@code transaction.hash()}
 * @param utime when the transaction happened (for the confirmation delay)
 * @param amountUnits USDT base units (6 decimals)
 * @param sender the depositor's main wallet, raw form ({@code wc:hex}), or "" when the jetton wallet named none
 * @param comment the text comment the depositor attached: the memo that says whose deposit it is
 */
public record UsdtDeposit(TransactionId transaction, long utime, long amountUnits, String sender, Optional<String> comment) {
}
