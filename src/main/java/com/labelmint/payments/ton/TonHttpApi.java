package com.labelmint.payments.ton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * A client of the toncenter v2 HTTP API (or any API speaking it). The key travels only in the {@code X-API-Key}
 * header, never in a URL, so no URL we build or log carries it. Failures are {@link TonApiException}s whose kind
 * says whether to retry.
 */
public class TonHttpApi {

    private static final Logger LOG = Logger.getLogger(TonHttpApi.class);

    private final URI baseUrl;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;

    public TonHttpApi(URI baseUrl, Optional<String> apiKey, Duration timeout, HttpClient http, ObjectMapper json) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.timeout = timeout;
        this.http = http;
        this.json = json;
    }

    /**
     * Hands a signed external message to the network. Success means a node accepted it for broadcast, not that
     * it executed: only a transaction found later proves that.
     */
    public void sendBoc(String bocBase64) {
        ObjectNode body = json.createObjectNode().put("boc", bocBase64);
        post("sendBoc", body);
    }

    public WalletInformation getWalletInformation(TonAddress wallet) {
        return ToncenterJson.walletInformation(get("getWalletInformation", Map.of("address", wallet.raw())));
    }

    /**
     * The seqno the wallet expects next: 0 before it is deployed. Read through the {@code seqno} get-method when
     * getWalletInformation does not recognise the wallet's contract.
     */
    public long getSeqno(TonAddress wallet) {
        WalletInformation information = getWalletInformation(wallet);
        if (!information.isActive()) {
            return 0;
        }
        if (information.seqno().isPresent()) {
            return information.seqno().getAsLong();
        }
        JsonNode stack = runGetMethod(wallet, "seqno", json.createArrayNode());
        return ToncenterJson.stackNumber(stack, 0, "seqno");
    }

    public List<TonTransaction> getTransactions(TransactionQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("address", query.account().raw());
        parameters.put("limit", Integer.toString(query.limit()));
        query.from().ifPresent(from -> {
            parameters.put("lt", Long.toString(from.lt()));
            parameters.put("hash", from.hash());
        });
        query.downToLt().ifPresent(lt -> parameters.put("to_lt", Long.toString(lt)));
        if (query.archival()) {
            parameters.put("archival", "true");
        }
        return ToncenterJson.transactions(get("getTransactions", parameters));
    }

    /** The jetton wallet that {@code owner} has (or will have) under {@code jettonMaster}: its get_wallet_address. */
    public TonAddress getJettonWalletAddress(TonAddress jettonMaster, TonAddress owner) {
        Cell ownerSlice = CellBuilder.beginCell().storeAddress(owner.toTon4j()).endCell();
        var argument = json.createArrayNode().add("tvm.Slice").add(Base64.getEncoder().encodeToString(ownerSlice.toBoc()));
        JsonNode stack = runGetMethod(jettonMaster, "get_wallet_address", json.createArrayNode().add(argument));
        String boc = ToncenterJson.stackCellBoc(stack, 0, "get_wallet_address");
        try {
            return CellReading.read("get_wallet_address result",
                    () -> TonAddress.fromRaw(TvmAddresses.loadRaw(CellSlice.beginParse(Cell.fromBocBase64(boc)))));
        } catch (IllegalArgumentException e) {
            throw ToncenterJson.malformed("get_wallet_address returned no basechain address");
        }
    }

    /**
     * The jetton balance (base units) of a jetton wallet: the first value of its {@code get_wallet_data}. A jetton
     * wallet that never received anything is not deployed yet and holds nothing.
     */
    public long getJettonBalance(TonAddress jettonWallet) {
        if (!getWalletInformation(jettonWallet).isActive()) {
            return 0;
        }
        JsonNode stack = runGetMethod(jettonWallet, "get_wallet_data", json.createArrayNode());
        return ToncenterJson.stackNumber(stack, 0, "get_wallet_data");
    }

    private JsonNode runGetMethod(TonAddress account, String method, JsonNode stack) {
        ObjectNode body = json.createObjectNode().put("address", account.raw()).put("method", method);
        body.set("stack", stack);
        return ToncenterJson.getMethodStack(post("runGetMethod", body), method);
    }

    private JsonNode get(String method, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(method, request(method + "?" + query).GET());
    }

    private JsonNode post(String method, JsonNode body) {
        return call(method, request(method)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
        apiKey.ifPresent(key -> request.header("X-API-Key", key));
        return request;
    }

    private JsonNode call(String method, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TonApiException(TonApiException.Kind.UNAVAILABLE, 0, method + ": no answer from the TON API (" + e + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TonApiException(TonApiException.Kind.UNAVAILABLE, 0, method + ": interrupted", null, e);
        }
        TonApiException failure = ToncenterErrors.classify(method, response, json);
        if (failure != null) {
            LOG.warnf("TON API %s failed: %s", method, failure.getMessage());
            throw failure;
        }
        return ToncenterErrors.result(method, response, json);
    }
}
