package com.labelmint.payments.wallet;

import com.labelmint.payments.api.Balance;
import com.labelmint.payments.api.AccountMovement;
import com.labelmint.platform.paging.Page;
import java.util.List;

/** {@code GET /api/v1/wallet}: balances per currency and the movements, newest first. */
public record WalletView(List<Balance> balances, Page<AccountMovement> history) {
}
