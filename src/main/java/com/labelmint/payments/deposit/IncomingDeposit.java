package com.labelmint.payments.deposit;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * USDT that arrived in the hot wallet, as the chain watcher read it.
 *
 * @param sender the depositor's wallet (raw form), or empty text when the chain did not say
 * @param comment the transfer's text comment: the memo that says whose deposit it is
 */
public record IncomingDeposit(String transactionHash, long lt, Instant chainTime, Money amount, String sender, Optional<String> comment) {
}
