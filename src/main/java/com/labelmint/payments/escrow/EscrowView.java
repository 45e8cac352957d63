package com.labelmint.payments.escrow;

import com.labelmint.platform.money.Money;
import java.util.UUID;

/**
 * A project's escrow as its client sees it.
 *
 * @param funded everything that went in (fundings, and rewards clawed back)
 * @param available what can still pay or reserve rewards
 * @param reserved rewards held for answers consensus has not decided yet
 * @param spent rewards and fees paid, and unspent escrow returned
 * @param owed rewards accepted while the escrow was short: paid first when the project is funded again
 */
public record EscrowView(UUID projectId, Money funded, Money available, Money reserved, Money spent, Money owed, long answersOwed) {
}
