package com.labelmint.payments.ton;

import com.labelmint.platform.error.ProblemException;

/** No hot wallet is configured (the normal state of a dev machine): payouts cannot be signed. */
public class PayoutsDisabledException extends ProblemException {

    public PayoutsDisabledException() {
        super(503, "payouts-disabled", "Payouts disabled",
                "USDT payouts are disabled on this server: no hot wallet seed is configured (labelmint.ton.hot-wallet.seed)");
    }
}
