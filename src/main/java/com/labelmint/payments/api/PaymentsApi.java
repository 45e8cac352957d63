package com.labelmint.payments.api;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import java.util.List;
import java.util.UUID;

/** The payments module's synchronous face. */
public interface PaymentsApi {

    /** The person's balances, one per currency they hold; empty for someone who never had money with us. */
    List<Balance> balances(UUID userId);

    /** What the project's escrow can still pay in {@code currency}, holds for undecided answers taken off; zero before funding. */
    Money escrowAvailable(UUID projectId, Currency currency);
}
