package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.util.List;
import java.util.UUID;

/** The payments module's synchronous face. */
public interface PaymentsApi {

    /** The person's balances, one per currency they hold; empty for someone who never had money with us. */
    List<Balance> balances(UUID userId);

    /** Money held in projects' escrow accounts (posted balance), one amount per currency that has any. */
    List<Money> inEscrow();
}
