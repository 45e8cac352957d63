package com.labelmint.payments.ton;

import java.util.List;
import java.util.Optional;

/** A transaction of one account: the message that started it and the messages it sent. */
public record TonTransaction(TransactionId id, long utime, Optional<TonMessage> inMessage, List<TonMessage> outMessages) {
}
