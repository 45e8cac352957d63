package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.TonVectors.MAINNET_BOUNCEABLE;
import static com.labelmint.payments.ton.TonVectors.MAINNET_NON_BOUNCEABLE;
import static com.labelmint.payments.ton.TonVectors.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ton.ton4j.utils.Utils;

class TonAddressTest {

    private static final TonAddress VECTOR = TonAddress.fromRaw(RAW);

    @ParameterizedTest
    @ValueSource(strings = {MAINNET_BOUNCEABLE, MAINNET_NON_BOUNCEABLE, RAW,
            "0:99F7A72598F89A869ADCD9A0ABAAC401F8FF87F6675D650504143CFEC444495F", "  " + MAINNET_NON_BOUNCEABLE + "\n"})
    void everyMainnetFormIsTheSameAccount(String text) {
        assertThat(TonAddress.parse(text, TonNetwork.MAINNET)).isEqualTo(VECTOR);
    }

    @Test
    void standardBase64IsAcceptedAsWellAsUrlSafe() {
        String standard = MAINNET_BOUNCEABLE.replace('-', '+').replace('_', '/');
        assertThat(TonAddress.parse(standard, TonNetwork.MAINNET)).isEqualTo(VECTOR);
    }

    @Test
    void storedRawAndShownNonBounceable() {
        TonAddress address = TonAddress.parse(MAINNET_BOUNCEABLE, TonNetwork.MAINNET);
        assertThat(address.raw()).isEqualTo(RAW);
        assertThat(address.display(TonNetwork.MAINNET)).isEqualTo(MAINNET_NON_BOUNCEABLE);
        assertThat(address.userFriendly(TonNetwork.MAINNET, true)).isEqualTo(MAINNET_BOUNCEABLE);
        assertThat(address.display(TonNetwork.TESTNET)).startsWith("0Q");
        assertThat(address.userFriendly(TonNetwork.TESTNET, true)).startsWith("kQ");
    }

    @Test
    void testnetFormsParseOnTestnetOnly() {
        String testnetNonBounceable = VECTOR.display(TonNetwork.TESTNET);
        String testnetBounceable = VECTOR.userFriendly(TonNetwork.TESTNET, true);
        assertThat(TonAddress.parse(testnetNonBounceable, TonNetwork.TESTNET)).isEqualTo(VECTOR);
        assertThat(TonAddress.parse(testnetBounceable, TonNetwork.TESTNET)).isEqualTo(VECTOR);
        assertThat(TonAddress.parse(RAW, TonNetwork.TESTNET)).isEqualTo(VECTOR);

        assertInvalid(testnetNonBounceable, TonNetwork.MAINNET, "is a testnet address");
        assertInvalid(MAINNET_NON_BOUNCEABLE, TonNetwork.TESTNET, "is a mainnet address");
    }

    @Test
    void aMistypedCharacterFailsTheChecksum() {
        String typo = MAINNET_NON_BOUNCEABLE.substring(0, 10) + 'x' + MAINNET_NON_BOUNCEABLE.substring(11);
        assertInvalid(typo, TonNetwork.MAINNET, "fails its checksum");
        String wrongCrc = MAINNET_NON_BOUNCEABLE.substring(0, 47) + 'y';
        assertInvalid(wrongCrc, TonNetwork.MAINNET, "fails its checksum");
    }

    @Test
    void wrongLengthsAreNamed() {
        assertInvalid(MAINNET_NON_BOUNCEABLE.substring(1), TonNetwork.MAINNET, "has 47");
        assertInvalid(MAINNET_NON_BOUNCEABLE + "A", TonNetwork.MAINNET, "has 49");
        assertInvalid(RAW.substring(0, RAW.length() - 1), TonNetwork.MAINNET, "has 63");
        assertInvalid("0:1", TonNetwork.MAINNET, "has 1");
    }

    @Test
    void badCharactersAndMixedAlphabetsAreRefused() {
        assertInvalid(MAINNET_NON_BOUNCEABLE.substring(0, 20) + "!" + MAINNET_NON_BOUNCEABLE.substring(21), TonNetwork.MAINNET, "not base64");
        String mixedAlphabets = MAINNET_NON_BOUNCEABLE.replaceFirst("-", "+");
        assertThat(mixedAlphabets).contains("+", "-");
        assertInvalid(mixedAlphabets, TonNetwork.MAINNET, "not base64");
        assertInvalid("0:" + "g".repeat(64), TonNetwork.MAINNET, "not a raw TON address");
        assertInvalid("0:abc:def", TonNetwork.MAINNET, "not a raw TON address");
        assertInvalid("", TonNetwork.MAINNET, "empty");
        assertInvalid(null, TonNetwork.MAINNET, "empty");
    }

    @Test
    void onlyTheBasechainIsAccepted() {
        String hex = RAW.substring(2);
        assertInvalid("-1:" + hex, TonNetwork.MAINNET, "masterchain");
        assertInvalid("5:" + hex, TonNetwork.MAINNET, "Workchain 5");
        assertInvalid(userFriendly(0x51, (byte) -1), TonNetwork.MAINNET, "masterchain");
        assertInvalid(userFriendly(0x51, (byte) 7), TonNetwork.MAINNET, "Workchain 7");
    }

    @Test
    void unknownFlagsAreRefusedEvenWithAGoodChecksum() {
        assertInvalid(userFriendly(0x33, (byte) 0), TonNetwork.MAINNET, "unknown flags");
    }

    @Test
    void theProblemIsABadRequestWithAStableType() {
        assertThatThrownBy(() -> TonAddress.parse("nope", TonNetwork.MAINNET))
                .isInstanceOfSatisfying(InvalidTonAddressException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).isEqualTo("urn:labelmint:problem:invalid-ton-address");
                });
    }

    /** A well-formed user-friendly address (correct CRC) with the given flag byte and workchain. */
    private static String userFriendly(int flags, byte workchain) {
        byte[] body = new byte[34];
        body[0] = (byte) flags;
        body[1] = workchain;
        System.arraycopy(Utils.hexToSignedBytes(RAW.substring(2)), 0, body, 2, 32);
        byte[] full = new byte[36];
        System.arraycopy(body, 0, full, 0, 34);
        System.arraycopy(Utils.getCRC16ChecksumAsBytes(body), 0, full, 34, 2);
        return Base64.getUrlEncoder().encodeToString(full);
    }

    private static void assertInvalid(String text, TonNetwork network, String detailPart) {
        assertThatThrownBy(() -> TonAddress.parse(text, network))
                .isInstanceOf(InvalidTonAddressException.class)
                .hasMessageContaining(detailPart);
    }
}
