package com.labelmint.payments.ton;

import static com.labelmint.payments.ton.PayoutFixtures.ATTACHED_NANOTONS;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_JETTON_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.LABELER;
import static com.labelmint.payments.ton.PayoutFixtures.TRANSFERS;
import static com.labelmint.payments.ton.PayoutFixtures.VALID_UNTIL;
import static com.labelmint.payments.ton.PayoutFixtures.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with an implementation we did not write: the TON JS SDK ({@code @ton/core}, {@code @ton/crypto},
 * {@code @ton/ton}, versions pinned in src/test/node/ton-interop) parses our signed payouts, checks the wallet's
 * signature with the public key, and reads back destination, amount, comment and query id. Without node and npm
 * this test fails: scripts/test.sh installs them.
 */
class TonInteropTest {

    private static final Path SOURCES = Path.of("src/test/node/ton-interop");
    private static final Path WORK = Path.of("target/ton-interop");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG_COMMENT = "LabelMint payout for 1 240 accepted answers — merci, спасибо, 谢谢 ✓ ".repeat(4);

    private static JsonNode decoded;

    @BeforeAll
    static void decodeOurTransfersWithTheJsSdk() throws Exception {
        installSdk();
        SignedTransfer deployed = TRANSFERS.sign(payout(7, 12_500_000, "LabelMint payout #7", 42, true));
        SignedTransfer firstEver = TRANSFERS.sign(payout(Long.MAX_VALUE, 1, LONG_COMMENT, 0, false));
        HotWallet otherKey = HotWallet.fromSeedHex("11".repeat(32), TonVectors.MAINNET_WALLET_ID);
        SignedTransfer signedByAnotherKey = new UsdtTransfers(otherKey, HOT_JETTON_WALLET, ATTACHED_NANOTONS)
                .sign(payout(7, 12_500_000, "LabelMint payout #7", 42, true));
        Path input = WORK.resolve("input.json");
        JSON.writeValue(input.toFile(), Map.of(
                "publicKey", HexFormat.of().formatHex(HOT_WALLET.publicKey()),
                "transfers", List.of(deployed.boc(), firstEver.boc(), signedByAnotherKey.boc())));
        decoded = JSON.readTree(run(Duration.ofMinutes(1), "node", "check-transfer.js", "input.json"));
    }

    @Test
    void theSdkDerivesTheSameWalletAddressesOnBothNetworks() {
        assertThat(decoded.at("/wallets/mainnet").asText()).isEqualTo(TonVectors.RAW);
        HotWallet testnet = HotWallet.fromSeedHex(TonVectors.SEED, TonNetwork.TESTNET.defaultWalletV5Id());
        assertThat(decoded.at("/wallets/testnet").asText()).isEqualTo(testnet.address().raw());
    }

    @Test
    void theSdkAcceptsTheWalletSignatureAndRequest() {
        JsonNode transfer = decoded.at("/transfers/0");
        assertThat(transfer.get("walletAddress").asText()).isEqualTo(HOT_WALLET.address().raw());
        assertThat(transfer.get("signatureValid").asBoolean()).isTrue();
        assertThat(transfer.get("opcode").asText()).isEqualTo("7369676e");
        assertThat(transfer.get("walletId").asLong()).isEqualTo(TonVectors.MAINNET_WALLET_ID);
        assertThat(transfer.get("seqno").asLong()).isEqualTo(42);
        assertThat(transfer.get("validUntil").asLong()).isEqualTo(VALID_UNTIL.getEpochSecond());
        assertThat(transfer.get("sendMode").asInt()).isEqualTo(3);
        assertThat(transfer.get("hasOtherActions").asBoolean()).isFalse();
        assertThat(transfer.get("hasStateInit").asBoolean()).isFalse();
    }

    @Test
    void theSdkRefusesASignatureByAnotherKey() {
        assertThat(decoded.at("/transfers/2/signatureValid").asBoolean()).isFalse();
    }

    @Test
    void theSdkReadsTheJettonTransferWeMeant() {
        JsonNode transfer = decoded.at("/transfers/0");
        assertThat(transfer.at("/internal/destination").asText()).isEqualTo(HOT_JETTON_WALLET.raw());
        assertThat(transfer.at("/internal/bounce").asBoolean()).isTrue();
        assertThat(transfer.at("/internal/value").asLong()).isEqualTo(ATTACHED_NANOTONS);
        assertThat(transfer.at("/internal/hasStateInit").asBoolean()).isFalse();
        JsonNode jetton = transfer.get("jettonTransfer");
        assertThat(jetton.get("queryId").asText()).isEqualTo("7");
        assertThat(jetton.get("amount").asText()).isEqualTo("12500000");
        assertThat(jetton.get("destination").asText()).isEqualTo(LABELER.raw());
        assertThat(jetton.get("responseDestination").asText()).isEqualTo(HOT_WALLET.address().raw());
        assertThat(jetton.get("hasCustomPayload").asBoolean()).isFalse();
        assertThat(jetton.get("forwardTonAmount").asText()).isEqualTo("1");
        assertThat(jetton.get("comment").asText()).isEqualTo("LabelMint payout #7");
    }

    @Test
    void theSdkComputesTheSameHashesWeRecord() {
        SignedTransfer deployed = TRANSFERS.sign(payout(7, 12_500_000, "LabelMint payout #7", 42, true));
        assertThat(decoded.at("/transfers/0/normalizedHash").asText()).isEqualTo(deployed.normalizedHash());
        assertThat(decoded.at("/transfers/0/bodyHash").asText()).isEqualTo(deployed.bodyHash());
    }

    @Test
    void aNewWalletsFirstPayoutDeploysItAndALongCommentSurvives() {
        JsonNode transfer = decoded.at("/transfers/1");
        assertThat(transfer.get("hasStateInit").asBoolean()).isTrue();
        assertThat(transfer.get("signatureValid").asBoolean()).isTrue();
        assertThat(transfer.get("seqno").asLong()).isZero();
        assertThat(transfer.at("/jettonTransfer/queryId").asText()).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(transfer.at("/jettonTransfer/comment").asText()).isEqualTo(LONG_COMMENT);
        assertThat(LONG_COMMENT.getBytes(StandardCharsets.UTF_8).length).as("spans several cells").isGreaterThan(250);
    }

    private static void installSdk() throws Exception {
        requireTool("node");
        requireTool("npm");
        Files.createDirectories(WORK);
        boolean lockChanged = !sameContent(SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json"));
        for (String file : List.of("package.json", "package-lock.json", "check-transfer.js")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.exists(WORK.resolve("node_modules/@ton/ton/package.json"))) {
            run(Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.exists(b) && Files.mismatch(a, b) == -1;
    }

    private static void requireTool(String tool) {
        try {
            Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        fail(tool + " is missing: this test checks our TON messages with the TON JS SDK and needs node and npm."
                + " Install them (Debian: apt-get install -y nodejs npm; scripts/test.sh does it when run as root).");
    }

    private static String run(Duration limit, String... command) throws Exception {
        Path log = Files.createTempFile("ton-interop", ".out");
        Process process = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not finish within " + limit);
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
