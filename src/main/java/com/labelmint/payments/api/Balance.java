package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;

/**
 * A balance in one currency.
 *
 * @param available what can be spent or withdrawn now
 * @param incoming rewards held for answers that consensus has not decided yet
 * @param held money reserved for a withdrawal on its way out
 */
public record Balance(Money balance, Money available, Money incoming, Money held) {
}
