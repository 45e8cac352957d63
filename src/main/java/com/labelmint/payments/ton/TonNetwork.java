package com.labelmint.payments.ton;

import java.net.URI;
import java.util.Optional;

/** The TON network LabelMint runs against; it decides which addresses are accepted and the defaults below. */
public enum TonNetwork {

    MAINNET(-239, URI.create("https://toncenter.com/api/v2"), "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs"),
    /** Testnet has no official USDT: its jetton master must be configured. */
    TESTNET(-3, URI.create("https://testnet.toncenter.com/api/v2"), null);

    private final int globalId;
    private final URI defaultApiUrl;
    private final String usdtMaster;

    TonNetwork(int globalId, URI defaultApiUrl, String usdtMaster) {
        this.globalId = globalId;
        this.defaultApiUrl = defaultApiUrl;
        this.usdtMaster = usdtMaster;
    }

    public boolean isTestnet() {
        return this == TESTNET;
    }

    public URI defaultApiUrl() {
        return defaultApiUrl;
    }

    /** The official USDT jetton master of this network, if it has one. */
    public Optional<String> defaultUsdtMaster() {
        return Optional.ofNullable(usdtMaster);
    }

    /**
     * The wallet id of a standard v5r1 wallet (workchain 0, version 0, subwallet 0), as wallet apps compute it:
     * the network's global id XOR a context whose top bit marks a client wallet. Mainnet gives 2147483409 and
     * testnet 2147483645, so the same key has different v5r1 addresses on the two networks.
     */
    public long defaultWalletV5Id() {
        int clientContext = 1 << 31;
        return Integer.toUnsignedLong(globalId ^ clientContext);
    }
}
