package com.labelmint.payments.ton;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The TON adapter assembled from {@code labelmint.ton.*}: where the deposit watcher and the withdrawal sender get
 * the API client, the hot wallet and the message builders and decoders bound to our USDT jetton wallet.
 */
@ApplicationScoped
public class TonAdapter {

    private static final Logger LOG = Logger.getLogger(TonAdapter.class);

    private final TonConfig config;
    private final TonHttpApi api;
    private final Optional<HotWallet> hotWallet;
    private final AtomicReference<TonAddress> hotJettonWallet = new AtomicReference<>();

    public TonAdapter(TonConfig config, ObjectMapper json) {
        this.config = config;
        this.api = new TonHttpApi(config.effectiveApiUrl(), config.apiKey(), config.apiTimeout(),
                HttpClient.newBuilder().connectTimeout(config.apiTimeout()).build(), json);
        this.hotWallet = config.hotWallet().seed().filter(seed -> !seed.isBlank())
                .map(seed -> HotWallet.fromSeedHex(seed, config.effectiveWalletId()));
    }

    /** Says at start-up which network and wallet this server uses, and fails it on a malformed seed. */
    void logSetup(@Observes StartupEvent start) {
        if (hotWallet.isPresent()) {
            LOG.infof("TON %s via %s; hot wallet %s", config.network(), config.effectiveApiUrl(),
                    hotWallet.get().address().display(config.network()));
        } else {
            LOG.infof("TON %s via %s; no hot wallet seed (labelmint.ton.hot-wallet.seed): USDT payouts are disabled",
                    config.network(), config.effectiveApiUrl());
        }
    }

    public TonNetwork network() {
        return config.network();
    }

    public TonHttpApi api() {
        return api;
    }

    public Optional<HotWallet> hotWallet() {
        return hotWallet;
    }

    /** @throws PayoutsDisabledException when no seed is configured */
    public HotWallet requireHotWallet() {
        return hotWallet.orElseThrow(PayoutsDisabledException::new);
    }

    public TonAddress usdtMaster() {
        String master = config.usdtMaster().or(() -> config.network().defaultUsdtMaster())
                .orElseThrow(() -> new IllegalStateException("TON " + config.network()
                        + " has no official USDT: set labelmint.ton.usdt-master to the jetton master to use"));
        return TonAddress.parseAnyNetwork(master).orElseThrow(() ->
                new IllegalStateException("labelmint.ton.usdt-master is not a basechain TON address: " + master));
    }

    /** The hot wallet's USDT jetton wallet, asked of the jetton master once and then remembered. */
    public TonAddress hotJettonWallet() {
        TonAddress known = hotJettonWallet.get();
        if (known == null) {
            known = api.getJettonWalletAddress(usdtMaster(), requireHotWallet().address());
            hotJettonWallet.compareAndSet(null, known);
        }
        return known;
    }

    public UsdtTransfers usdtTransfers() {
        return new UsdtTransfers(requireHotWallet(), hotJettonWallet(), config.transferTonAmount());
    }

    public IncomingUsdtDecoder incomingUsdt() {
        return new IncomingUsdtDecoder(hotJettonWallet());
    }

    public PayoutConfirmations payoutConfirmations() {
        return new PayoutConfirmations(hotJettonWallet());
    }
}
