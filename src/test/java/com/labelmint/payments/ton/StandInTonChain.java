package com.labelmint.payments.ton;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.Message;

/**
 * The hot wallet's side of the chain, played through the toncenter stand-in: its seqno, its USDT jetton wallet and
 * the labeler's ({@link PayoutFixtures}) or any other recipient's ({@link #newRecipient}), the messages our sender
 * hands to sendBoc, and the transactions a test says happened — a deposit, our message executed, the recipient's
 * jetton wallet's {@code excesses}, a bounce — served by getTransactions in toncenter's JSON, newest first; and the
 * USDT the hot jetton wallet holds (deposits in, executed payouts out), for reconciliation.
 */
public final class StandInTonChain {

    public static final TonAddress LABELER = PayoutFixtures.LABELER;
    public static final TonAddress HOT_JETTON_WALLET = PayoutFixtures.HOT_JETTON_WALLET;
    public static final TonAddress STRANGER = PayoutFixtures.STRANGER;
    public static final String HOT_WALLET_SEED = TonVectors.SEED;
    public static final String HOT_WALLET_RAW = TonVectors.RAW;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOT_WALLET = TonVectors.MAINNET_NON_BOUNCEABLE;

    private final ToncenterStandIn toncenter;
    private final List<ObjectNode> transactions = new ArrayList<>();
    /** Recipients' jetton wallets by the recipient's raw address. */
    private final Map<String, TonAddress> jettonWallets = new HashMap<>();
    private long seqno;
    private long hotJettonBalance;
    private long depositQueryIds = 900_000;
    private long lt = 62_000_000_000_000L;

    public StandInTonChain() {
        toncenter = new ToncenterStandIn();
        jettonWalletOf(PayoutFixtures.HOT_WALLET.address(), HOT_JETTON_WALLET);
        jettonWalletOf(LABELER, PayoutFixtures.LABELER_JETTON_WALLET);
        jettonWallets.put(LABELER.raw(), PayoutFixtures.LABELER_JETTON_WALLET);
        toncenter.answerPost("sendBoc", 200, "sendBoc-ok.json", java.util.Map.of());
        reset(42);
    }

    public String baseUrl() {
        return toncenter.baseUrl().toString();
    }

    public String apiKey() {
        return ToncenterStandIn.API_KEY;
    }

    public WireMockServer server() {
        return toncenter.server();
    }

    /** A fresh history and the wallet at {@code walletSeqno}; what was sent before is forgotten. */
    public synchronized void reset(long walletSeqno) {
        transactions.clear();
        server().resetRequests();
        seqno = walletSeqno;
        hotJettonBalance = 0;
        serveWallet();
        serveTransactions();
        serveJettonBalance();
    }

    /**
     * A wallet of someone else's, numbered {@code n} (1–255), with a USDT jetton wallet of its own: payouts to it
     * complete on {@code excesses} from that jetton wallet.
     */
    public synchronized TonAddress newRecipient(int n) {
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException("Recipients are numbered 1 to 255: " + n);
        }
        String suffix = HexFormat.of().toHexDigits((byte) n).repeat(31);
        TonAddress owner = TonAddress.fromRaw("0:a0" + suffix);
        TonAddress jettonWallet = TonAddress.fromRaw("0:b0" + suffix);
        jettonWalletOf(owner, jettonWallet);
        jettonWallets.put(owner.raw(), jettonWallet);
        return owner;
    }

    /**
     * {@code units} of USDT arrive with the comment {@code memo}: our jetton wallet tells the hot wallet with a
     * {@code transfer_notification}, as it does for every deposit.
     */
    public synchronized void deposit(long units, String memo) {
        Cell notification = Cell.fromBocBase64(JettonBodies.transferNotification(++depositQueryIds, units, STRANGER, memo, false));
        add(transaction(message(HOT_JETTON_WALLET.userFriendly(TonNetwork.MAINNET, true), HOT_WALLET, 1, notification)));
        hotJettonBalance += units;
        serveJettonBalance();
    }

    public synchronized long seqno() {
        return seqno;
    }

    /** The BoCs handed to sendBoc, oldest first (a resend of the same message appears again). */
    public List<String> sentBocs() {
        return server().findAll(postRequestedFor(urlPathEqualTo("/api/v2/sendBoc"))).stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString()).path("boc").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The wallet executes the message: its seqno moves on and getTransactions shows the transaction. */
    public synchronized void execute(String boc) {
        Message external = Message.deserialize(CellSlice.beginParse(Cell.fromBocBase64(boc)));
        Cell body = TransactionFixtures.rebuilt(external.getBody());
        ObjectNode transaction = transaction(message("", HOT_WALLET, 0, body));
        transaction.withArray("out_msgs").add(message(HOT_WALLET, HOT_JETTON_WALLET.userFriendly(TonNetwork.MAINNET, true), 50_000_000,
                TransactionFixtures.rebuilt(TransactionFixtures.jettonTransferOf(external))));
        seqno++;
        add(transaction);
        serveWallet();
    }

    /** sendBoc answers only after {@code millis}: a sender killed meanwhile never learns whether it was taken. */
    public void delaySendBoc(int millis) {
        server().stubFor(post(urlPathEqualTo("/api/v2/sendBoc"))
                .willReturn(json(ToncenterStandIn.fixture("sendBoc-ok.json")).withFixedDelay(millis)));
    }

    /**
     * Plays the wallet: of the messages received so far, the one signed for the current seqno executes (a wallet
     * takes each seqno once; the others can never execute), and the recipient's jetton wallet answers with
     * {@code excesses}. Repeats until no received message fits; returns how many executed.
     */
    public synchronized int executeAndDeliverWhatTheWalletAccepts() {
        int executed = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String boc : sentBocs().stream().distinct().toList()) {
                ReceivedPayout payout = ReceivedPayout.read(boc);
                if (payout.seqno() == seqno) {
                    execute(boc);
                    hotJettonBalance -= payout.amountUnits();
                    serveJettonBalance();
                    excesses(recipientJettonWallet(payout), payout.queryId());
                    executed++;
                    progress = true;
                    break;
                }
            }
        }
        return executed;
    }

    private TonAddress recipientJettonWallet(ReceivedPayout payout) {
        TonAddress jettonWallet = jettonWallets.get(payout.destination());
        if (jettonWallet == null) {
            throw new IllegalStateException("No jetton wallet for the payout's destination " + payout.destination());
        }
        return jettonWallet;
    }

    /** The labeler's jetton wallet took the USDT and returned the unspent TON: delivered. */
    public synchronized void delivered(long queryId) {
        excesses(PayoutFixtures.LABELER_JETTON_WALLET, queryId);
    }

    /** {@code excesses} from any account: only the recipient's jetton wallet proves delivery. */
    public synchronized void excesses(TonAddress from, long queryId) {
        add(transaction(message(from.userFriendly(TonNetwork.MAINNET, true), HOT_WALLET, 38_129_400,
                Cell.fromBocBase64(JettonBodies.excesses(queryId)))));
    }

    /** Our jetton wallet refused the transfer. */
    public synchronized void bounced(long queryId) {
        add(transaction(message(HOT_JETTON_WALLET.userFriendly(TonNetwork.MAINNET, true), HOT_WALLET, 47_301_200,
                Cell.fromBocBase64(JettonBodies.bouncedTransfer(queryId)))));
    }

    private void add(ObjectNode transaction) {
        transactions.add(0, transaction);
        serveTransactions();
    }

    private ObjectNode transaction(ObjectNode inMessage) {
        lt += 1_000_000;
        ObjectNode transaction = JSON.createObjectNode().put("@type", "raw.transaction").put("utime", Instant.now().getEpochSecond());
        transaction.putObject("address").put("@type", "accountAddress").put("account_address", HOT_WALLET);
        transaction.putObject("transaction_id").put("@type", "internal.transactionId").put("lt", Long.toString(lt))
                .put("hash", hash("tx-" + lt));
        transaction.put("fee", "3317842");
        transaction.set("in_msg", inMessage);
        transaction.putArray("out_msgs");
        return transaction;
    }

    private ObjectNode message(String source, String destination, long value, Cell body) {
        ObjectNode message = JSON.createObjectNode().put("@type", "raw.message").put("source", source).put("destination", destination)
                .put("value", Long.toString(value)).put("fwd_fee", "0").put("ihr_fee", "0").put("created_lt", Long.toString(lt))
                .put("body_hash", Base64.getEncoder().encodeToString(body.getHash()));
        message.putObject("msg_data").put("@type", "msg.dataRaw").put("body", JettonBodies.boc(body)).put("init_state", "");
        message.put("message", "");
        return message;
    }

    private void serveTransactions() {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        ArrayNode result = answer.putArray("result");
        transactions.forEach(result::add);
        server().stubFor(get(urlPathEqualTo("/api/v2/getTransactions")).willReturn(json(answer.toString())));
    }

    private void serveWallet() {
        String information = ToncenterStandIn.fixture("getWalletInformation-active.json").replace("\"seqno\": 42", "\"seqno\": " + seqno);
        server().stubFor(get(urlPathEqualTo("/api/v2/getWalletInformation")).willReturn(json(information)));
    }

    private void serveJettonBalance() {
        String answer = ToncenterStandIn.fixture("runGetMethod-get_wallet_data.json")
                .replace("{{BALANCE_HEX}}", "0x" + Long.toHexString(hotJettonBalance))
                .replace("{{OWNER_CELL}}", JettonBodies.addressCell(PayoutFixtures.HOT_WALLET.address()))
                .replace("{{MASTER_CELL}}", JettonBodies.addressCell(STRANGER));
        server().stubFor(post(urlPathEqualTo("/api/v2/runGetMethod"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("get_wallet_data")))
                .willReturn(json(answer)));
    }

    private void jettonWalletOf(TonAddress owner, TonAddress jettonWallet) {
        String answer = ToncenterStandIn.fixture("runGetMethod-get_wallet_address.json")
                .replace("{{JETTON_WALLET_ADDRESS_CELL}}", JettonBodies.addressCell(jettonWallet));
        server().stubFor(post(urlPathEqualTo("/api/v2/runGetMethod"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("get_wallet_address")))
                .withRequestBody(matchingJsonPath("$.stack[0][1]", equalTo(JettonBodies.addressCell(owner))))
                .willReturn(json(answer)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String hash(String seed) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void close() {
        toncenter.close();
    }
}
