package com.labelmint.payments.withdrawal;

import com.labelmint.payments.ton.StandInTonChain;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the toncenter stand-in before the application and points the TON adapter at it, with the test hot wallet. */
public class StandInChainResource implements QuarkusTestResourceLifecycleManager {

    private static volatile StandInTonChain chain;

    static StandInTonChain chain() {
        return chain;
    }

    @Override
    public Map<String, String> start() {
        chain = new StandInTonChain();
        return Map.of(
                "labelmint.ton.network", "mainnet",
                "labelmint.ton.api-url", chain.baseUrl(),
                "labelmint.ton.api-key", chain.apiKey(),
                "labelmint.ton.hot-wallet.seed", StandInTonChain.HOT_WALLET_SEED);
    }

    @Override
    public void stop() {
        chain.close();
    }
}
