package com.labelmint.payments.ton;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A wallet's state as toncenter's getWalletInformation reports it.
 *
 * @param state {@code active}, {@code uninitialized} or {@code frozen}
 * @param balance nanotons
 * @param seqno empty when the wallet is not deployed, or when the API does not recognise its contract
 */
public record WalletInformation(String state, long balance, OptionalLong seqno, Optional<TransactionId> lastTransaction) {

    public boolean isActive() {
        return "active".equals(state);
    }
}
