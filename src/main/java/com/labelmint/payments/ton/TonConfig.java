package com.labelmint.payments.ton;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code labelmint.ton.*}: the network, the TON HTTP API, the USDT master and the hot wallet (docs/configuration.md). */
@ConfigMapping(prefix = "labelmint.ton")
public interface TonConfig {

    /** Testnet unless said otherwise: a forgotten setting must not move real money. */
    @WithDefault("testnet")
    TonNetwork network();

    /** A toncenter-compatible v2 API; empty: toncenter's own for {@link #network()}. */
    Optional<URI> apiUrl();

    /** Sent as the {@code X-API-Key} header only; without one toncenter allows about one request a second. */
    Optional<String> apiKey();

    @WithDefault("10s")
    Duration apiTimeout();

    /** The USDT jetton master; empty: the official one on mainnet, none on testnet. */
    Optional<String> usdtMaster();

    HotWalletConfig hotWallet();

    /** TON attached to each jetton transfer for gas, in nanotons; the jetton wallets return what they do not spend. */
    @WithDefault("50000000")
    long transferTonAmount();

    /** How long a signed payout stays valid; past it the wallet refuses the message, so an old one never lands. */
    @WithDefault("5m")
    Duration messageTtl();

    /**
     * How old a deposit's transaction must be before it is credited. TON blocks are final once the masterchain
     * references them (there are no reorganisations, so no confirmations to count as on Bitcoin); the delay is a
     * margin against an API node that answers from a block not yet committed.
     */
    @WithDefault("15s")
    Duration confirmationDelay();

    interface HotWalletConfig {

        /** The Ed25519 seed, 64 hex digits; from the environment or a secret only. Empty: payouts are disabled. */
        Optional<String> seed();

        /** The v5r1 wallet id; empty: the standard one of {@link #network()}. */
        OptionalLong walletId();
    }

    default URI effectiveApiUrl() {
        return apiUrl().orElse(network().defaultApiUrl());
    }

    default long effectiveWalletId() {
        return hotWallet().walletId().orElse(network().defaultWalletV5Id());
    }
}
