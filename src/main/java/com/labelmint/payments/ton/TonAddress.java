package com.labelmint.payments.ton;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.utils.Utils;

/**
 * An account on TON's basechain, the only workchain USDT lives on. Stored in its raw form ({@code 0:<64 hex>},
 * which has no network and no bounce flag, so the same account always has the same text) and shown in the
 * user-friendly non-bounceable form ({@code UQ…} on mainnet, {@code 0Q…} on testnet) that wallet apps show for
 * their own address.
 *
 * <p>Parsing is our own and strict, where ton4j's {@code Address} is lenient (it pads short raw hex, accepts a
 * string mixing both base64 alphabets) and fails with {@link Error}s; ton4j still computes the CRC16 and renders
 * the user-friendly forms.
 */
public final class TonAddress {

    private static final int BASECHAIN = 0;
    private static final int HASH_BYTES = 32;
    private static final int USER_FRIENDLY_LENGTH = 48;
    private static final int TAG_BOUNCEABLE = 0x11;
    private static final int TAG_NON_BOUNCEABLE = 0x51;
    private static final int TAG_TEST_ONLY = 0x80;
    private static final Pattern RAW = Pattern.compile("(-?\\d{1,4}):([0-9a-fA-F]*)");
    private static final Pattern STANDARD_BASE64 = Pattern.compile("[A-Za-z0-9+/]+");
    private static final Pattern URL_SAFE_BASE64 = Pattern.compile("[A-Za-z0-9_-]+");

    private final byte[] hash;

    private TonAddress(byte[] hash) {
        this.hash = hash.clone();
    }

    /**
     * Reads an address in any of its forms: raw, or user-friendly (bounceable or not, url-safe or standard
     * base64). The bounce flag of a user-friendly form is accepted either way: USDT payouts carry the address
     * inside the jetton transfer body, where no bounce flag exists.
     *
     * @throws InvalidTonAddressException when the text is no basechain address of {@code network}
     */
    public static TonAddress parse(String text, TonNetwork network) {
        return parse(text, Optional.of(network));
    }

    /**
     * An address written by the TON API or an operator, whichever network flag they chose (API providers
     * differ); empty when it is no basechain address. Never for a user's input: that is {@link #parse}.
     */
    static Optional<TonAddress> parseAnyNetwork(String text) {
        try {
            return Optional.of(parse(text, Optional.empty()));
        } catch (InvalidTonAddressException e) {
            return Optional.empty();
        }
    }

    private static TonAddress parse(String text, Optional<TonNetwork> network) {
        if (text == null || text.isBlank()) {
            throw new InvalidTonAddressException("The TON address is empty");
        }
        String address = text.strip();
        return address.indexOf(':') >= 0 ? parseRaw(address) : parseUserFriendly(address, network);
    }

    /** Reads the stored (raw) form; anything else is a bug in whoever stored it. */
    public static TonAddress fromRaw(String raw) {
        try {
            return parseRaw(raw);
        } catch (InvalidTonAddressException e) {
            throw new IllegalArgumentException("Not a raw basechain address: " + raw, e);
        }
    }

    /** Whether the API's text for an address (any form, any network flag) names this account. */
    boolean isNamedBy(String apiText) {
        return parseAnyNetwork(apiText).filter(this::equals).isPresent();
    }

    static TonAddress fromTon4j(Address address) {
        if (address.wc != BASECHAIN) {
            throw new IllegalArgumentException("Not a basechain address: " + address.toRaw());
        }
        return new TonAddress(address.hashPart);
    }

    private static TonAddress parseRaw(String text) {
        Matcher raw = RAW.matcher(text);
        if (!raw.matches()) {
            throw new InvalidTonAddressException("'" + text + "' is not a raw TON address: expected <workchain>:<64 hex digits>");
        }
        requireBasechain(Integer.parseInt(raw.group(1)));
        String hex = raw.group(2);
        if (hex.length() != HASH_BYTES * 2) {
            throw new InvalidTonAddressException("A raw TON address has 64 hex digits after the colon; this one has " + hex.length());
        }
        return new TonAddress(HexFormat.of().parseHex(hex));
    }

    private static TonAddress parseUserFriendly(String text, Optional<TonNetwork> network) {
        if (text.length() != USER_FRIENDLY_LENGTH) {
            throw new InvalidTonAddressException("A TON address has 48 characters; this one has " + text.length()
                    + ". Copy it again from the wallet app");
        }
        byte[] bytes = decodeBase64(text);
        byte[] body = Arrays.copyOfRange(bytes, 0, 34);
        byte[] checksum = Arrays.copyOfRange(bytes, 34, 36);
        if (!Arrays.equals(Utils.getCRC16ChecksumAsBytes(body), checksum)) {
            throw new InvalidTonAddressException("The TON address '" + text + "' fails its checksum: a character is mistyped or missing");
        }
        int tag = body[0] & 0xff;
        boolean testOnly = (tag & TAG_TEST_ONLY) != 0;
        int bounceTag = tag & ~TAG_TEST_ONLY;
        if (bounceTag != TAG_BOUNCEABLE && bounceTag != TAG_NON_BOUNCEABLE) {
            throw new InvalidTonAddressException("The TON address '" + text + "' has unknown flags");
        }
        requireBasechain(body[1]);
        network.ifPresent(expected -> requireNetwork(text, testOnly, expected));
        return new TonAddress(Arrays.copyOfRange(body, 2, 2 + HASH_BYTES));
    }

    private static byte[] decodeBase64(String text) {
        // One alphabet or the other, never both: a mix is a corrupted copy, not a form wallets produce.
        Base64.Decoder decoder;
        if (URL_SAFE_BASE64.matcher(text).matches()) {
            decoder = Base64.getUrlDecoder();
        } else if (STANDARD_BASE64.matcher(text).matches()) {
            decoder = Base64.getDecoder();
        } else {
            throw new InvalidTonAddressException("The TON address '" + text + "' has characters that are not base64");
        }
        return decoder.decode(text);
    }

    private static void requireBasechain(int workchain) {
        if (workchain == -1) {
            throw new InvalidTonAddressException("This is a masterchain (workchain -1) address; USDT is paid only to basechain (workchain 0) wallets");
        }
        if (workchain != BASECHAIN) {
            throw new InvalidTonAddressException("Workchain " + workchain + " does not exist for USDT; use a basechain (workchain 0) wallet address");
        }
    }

    private static void requireNetwork(String text, boolean testOnly, TonNetwork network) {
        if (testOnly && !network.isTestnet()) {
            throw new InvalidTonAddressException("'" + text + "' is a testnet address; LabelMint pays on TON mainnet. Switch the wallet app to mainnet and copy the address again");
        }
        if (!testOnly && network.isTestnet()) {
            throw new InvalidTonAddressException("'" + text + "' is a mainnet address; this LabelMint runs on TON testnet. Use the wallet's testnet address");
        }
    }

    /** The stored form, {@code 0:<64 lowercase hex>}. */
    public String raw() {
        return BASECHAIN + ":" + HexFormat.of().formatHex(hash);
    }

    /** The form to show people: user-friendly, url-safe and non-bounceable, as wallet apps show their own address. */
    public String display(TonNetwork network) {
        return userFriendly(network, false);
    }

    public String userFriendly(TonNetwork network, boolean bounceable) {
        return toTon4j().toString(true, true, bounceable, network.isTestnet());
    }

    Address toTon4j() {
        return Address.of(raw());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TonAddress that && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return raw();
    }
}
