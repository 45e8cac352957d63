package com.labelmint.payments.api;

import java.util.List;
import java.util.UUID;

/** The payments module's synchronous face. */
public interface PaymentsApi {

    /** The person's balances, one per currency they hold; empty for someone who never had money with us. */
    List<Balance> balances(UUID userId);
}
