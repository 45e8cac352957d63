package com.labelmint.payments.ton;

import java.time.Instant;

/** One hot wallet (the TON.md vector), its jetton wallet and a labeler, shared by the payout tests. */
final class PayoutFixtures {

    static final HotWallet HOT_WALLET = HotWallet.fromSeedHex(TonVectors.SEED, TonNetwork.MAINNET.defaultWalletV5Id());
    static final TonAddress HOT_JETTON_WALLET =
            TonAddress.fromRaw("0:1111111111111111111111111111111111111111111111111111111111111111");
    static final TonAddress LABELER =
            TonAddress.fromRaw("0:2222222222222222222222222222222222222222222222222222222222222222");
    static final TonAddress LABELER_JETTON_WALLET =
            TonAddress.fromRaw("0:4444444444444444444444444444444444444444444444444444444444444444");
    static final TonAddress STRANGER =
            TonAddress.fromRaw("0:3333333333333333333333333333333333333333333333333333333333333333");
    static final long ATTACHED_NANOTONS = 50_000_000L;
    static final Instant VALID_UNTIL = Instant.parse("2026-11-26T16:00:00Z");

    static final UsdtTransfers TRANSFERS = new UsdtTransfers(HOT_WALLET, HOT_JETTON_WALLET, ATTACHED_NANOTONS);

    private PayoutFixtures() {
    }

    static UsdtPayout payout(long queryId, long amountUnits, String comment, long seqno, boolean walletDeployed) {
        return new UsdtPayout(queryId, amountUnits, LABELER, comment, seqno, VALID_UNTIL, walletDeployed);
    }
}
