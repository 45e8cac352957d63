package com.labelmint.payments.ton;

import com.iwebpp.crypto.TweetNaclFast;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.smartcontract.types.WalletV5Config;
import org.ton.ton4j.smartcontract.types.WalletV5InnerRequest;
import org.ton.ton4j.smartcontract.wallet.v5.WalletV5;
import org.ton.ton4j.tlb.ActionSendMsg;
import org.ton.ton4j.tlb.ExternalMessageInInfo;
import org.ton.ton4j.tlb.Message;
import org.ton.ton4j.tlb.MessageRelaxed;
import org.ton.ton4j.tlb.OutAction;
import org.ton.ton4j.tlb.OutList;
import org.ton.ton4j.utils.Utils;

/**
 * LabelMint's hot wallet: a standard wallet v5r1 whose key comes from a 32-byte seed. It signs external messages
 * offline; seqno and expiry are given by the caller, who reads the seqno from the network and records it before
 * sending (the wallet accepts each seqno once, which is what makes a resend safe).
 *
 * <p>The seed never leaves this object: {@link #toString()} shows only the address.
 */
public final class HotWallet {

    /** Send mode 3: pay the forwarding fees from the wallet's balance, and ignore errors (v5 requires +2 for externals). */
    private static final int SEND_MODE_PAY_FEES_SEPARATELY_IGNORE_ERRORS = 3;
    private static final Pattern SEED_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final WalletV5 contract;
    private final TweetNaclFast.Signature.KeyPair keyPair;
    private final long walletId;
    private final TonAddress address;

    private HotWallet(byte[] seed, long walletId) {
        this.keyPair = Utils.generateSignatureKeyPairFromSeed(seed);
        this.walletId = walletId;
        // isSigAuthAllowed(true) and the network's wallet id give the address wallet apps show for this key.
        this.contract = WalletV5.builder().keyPair(keyPair).walletId(walletId).isSigAuthAllowed(true).build();
        this.address = TonAddress.fromTon4j(contract.getAddress());
    }

    /**
     * @param seedHex the 32-byte Ed25519 seed as 64 hex digits (a secret: never logged, never echoed in errors)
     * @param walletId the v5r1 wallet id, normally {@link TonNetwork#defaultWalletV5Id()}
     */
    public static HotWallet fromSeedHex(String seedHex, long walletId) {
        String seed = seedHex == null ? "" : seedHex.strip();
        if (!SEED_HEX.matcher(seed).matches()) {
            throw new IllegalArgumentException("The hot wallet seed must be 32 bytes as 64 hex digits (its value is not shown)");
        }
        return new HotWallet(HexFormat.of().parseHex(seed), walletId);
    }

    public TonAddress address() {
        return address;
    }

    public long walletId() {
        return walletId;
    }

    public byte[] publicKey() {
        return keyPair.getPublicKey().clone();
    }

    /**
     * A signed external message that makes the wallet send {@code outMessages}.
     *
     * @param attachStateInit true only while the wallet is not deployed yet (seqno 0): the StateInit deploys it,
     *     and costs fees on every later message for nothing
     */
    Message signedExternalMessage(long seqno, Instant validUntil, List<MessageRelaxed> outMessages, boolean attachStateInit) {
        List<OutAction> actions = outMessages.stream()
                .<OutAction>map(message -> ActionSendMsg.builder().mode(SEND_MODE_PAY_FEES_SEPARATELY_IGNORE_ERRORS).outMsg(message).build())
                .toList();
        WalletV5InnerRequest request = WalletV5InnerRequest.builder()
                .outActions(OutList.builder().actions(actions).build())
                .hasOtherActions(false)
                .build();
        Cell unsigned = contract.createExternalTransferBody(WalletV5Config.builder()
                .walletId(walletId)
                .seqno(seqno)
                .validUntil(validUntil.getEpochSecond())
                .body(request.toCell())
                .build());
        byte[] signature = Utils.signData(keyPair.getPublicKey(), keyPair.getSecretKey(), unsigned.getHash());
        return Message.builder()
                .info(ExternalMessageInInfo.builder().dstAddr(contract.getAddressIntStd()).build())
                .init(attachStateInit ? contract.getStateInit() : null)
                .body(CellBuilder.beginCell().storeCell(unsigned).storeBytes(signature).endCell())
                .build();
    }

    @Override
    public String toString() {
        return "HotWallet[" + address.raw() + ", wallet id " + walletId + "]";
    }
}
