package com.labelmint.payments.ton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HotWalletTest {

    @Test
    void theVectorSeedGivesTheStandardV5r1Address() {
        HotWallet wallet = HotWallet.fromSeedHex(TonVectors.SEED, TonNetwork.MAINNET.defaultWalletV5Id());

        assertThat(HexFormat.of().formatHex(wallet.publicKey())).isEqualTo(TonVectors.PUBLIC_KEY);
        assertThat(wallet.address().raw()).isEqualTo(TonVectors.RAW);
        assertThat(wallet.address().userFriendly(TonNetwork.MAINNET, true)).isEqualTo(TonVectors.MAINNET_BOUNCEABLE);
        assertThat(wallet.address().display(TonNetwork.MAINNET)).isEqualTo(TonVectors.MAINNET_NON_BOUNCEABLE);
    }

    @Test
    void networksHaveTheirOwnWalletIds() {
        assertThat(TonNetwork.MAINNET.defaultWalletV5Id()).isEqualTo(TonVectors.MAINNET_WALLET_ID);
        assertThat(TonNetwork.TESTNET.defaultWalletV5Id()).isEqualTo(2147483645L);
        HotWallet testnet = HotWallet.fromSeedHex(TonVectors.SEED, TonNetwork.TESTNET.defaultWalletV5Id());
        assertThat(testnet.address().raw()).isNotEqualTo(TonVectors.RAW);
    }

    @Test
    void aBadSeedIsRefusedWithoutEchoingIt() {
        String almost = TonVectors.SEED.substring(2);
        assertThatThrownBy(() -> HotWallet.fromSeedHex(almost, TonVectors.MAINNET_WALLET_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(almost);
        assertThatThrownBy(() -> HotWallet.fromSeedHex(null, TonVectors.MAINNET_WALLET_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsTextShowsNoSecret() {
        HotWallet wallet = HotWallet.fromSeedHex(TonVectors.SEED, TonVectors.MAINNET_WALLET_ID);
        assertThat(wallet.toString()).contains(TonVectors.RAW).doesNotContain(TonVectors.SEED);
    }
}
