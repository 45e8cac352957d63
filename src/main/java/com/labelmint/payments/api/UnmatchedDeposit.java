package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.time.Instant;

/** A deposit to the hot wallet whose comment matched nobody's memo: on chain, not yet credited to anyone. */
public record UnmatchedDeposit(String txHash, long lt, Instant chainTime, Money amount, String sender, String comment) {
}
