package com.labelmint.payments.ton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code labelmint.ton.*} read the way Quarkus reads it, and what the adapter makes of it. */
class TonAdapterTest {

    @Test
    void withNothingConfiguredItIsTestnetWithoutPayouts() {
        TonConfig config = config(Map.of());

        assertThat(config.network()).isEqualTo(TonNetwork.TESTNET);
        assertThat(config.effectiveApiUrl()).isEqualTo(URI.create("https://testnet.toncenter.com/api/v2"));
        assertThat(config.effectiveWalletId()).isEqualTo(2147483645L);
        assertThat(config.transferTonAmount()).isEqualTo(50_000_000L);
        assertThat(config.confirmationDelay()).isEqualTo(Duration.ofSeconds(15));

        TonAdapter adapter = new TonAdapter(config, new ObjectMapper());
        assertThat(adapter.hotWallet()).isEmpty();
        assertThatThrownBy(adapter::requireHotWallet).isInstanceOfSatisfying(PayoutsDisabledException.class,
                e -> assertThat(e.problem().detail()).contains("labelmint.ton.hot-wallet.seed"));
        assertThatThrownBy(adapter::usdtMaster).hasMessageContaining("set labelmint.ton.usdt-master");
    }

    @Test
    void mainnetHasToncenterTheOfficialUsdtAndTheStandardWalletId() {
        TonAdapter adapter = new TonAdapter(config(Map.of("labelmint.ton.network", "mainnet",
                "labelmint.ton.hot-wallet.seed", TonVectors.SEED)), new ObjectMapper());

        assertThat(adapter.network()).isEqualTo(TonNetwork.MAINNET);
        assertThat(adapter.usdtMaster().userFriendly(TonNetwork.MAINNET, true)).isEqualTo("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs");
        assertThat(adapter.requireHotWallet().address().raw()).isEqualTo(TonVectors.RAW);
    }

    @Test
    void aMalformedSeedStopsTheAdapterWithoutShowingIt() {
        String badSeed = TonVectors.SEED.replace('d', 'x');
        assertThatThrownBy(() -> new TonAdapter(config(Map.of("labelmint.ton.hot-wallet.seed", badSeed)), new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(badSeed);
    }

    @Test
    void theHotJettonWalletIsAskedOfTheMasterOnce() {
        try (ToncenterStandIn toncenter = new ToncenterStandIn()) {
            toncenter.answerPost("runGetMethod", 200, "runGetMethod-get_wallet_address.json",
                    Map.of("JETTON_WALLET_ADDRESS_CELL", JettonBodies.addressCell(PayoutFixtures.HOT_JETTON_WALLET)));
            TonAdapter adapter = new TonAdapter(config(Map.of(
                    "labelmint.ton.network", "mainnet",
                    "labelmint.ton.api-url", toncenter.baseUrl().toString(),
                    "labelmint.ton.hot-wallet.seed", TonVectors.SEED)), new ObjectMapper());

            assertThat(adapter.hotJettonWallet()).isEqualTo(PayoutFixtures.HOT_JETTON_WALLET);
            assertThat(adapter.hotJettonWallet()).isEqualTo(PayoutFixtures.HOT_JETTON_WALLET);
            assertThat(toncenter.server().getAllServeEvents()).hasSize(1);
            assertThat(adapter.usdtTransfers().sign(PayoutFixtures.payout(1, 1, "x", 1, true)).seqno()).isEqualTo(1);
        }
    }

    private static TonConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(TonConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "10s" shorthand
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(TonConfig.class);
    }
}
