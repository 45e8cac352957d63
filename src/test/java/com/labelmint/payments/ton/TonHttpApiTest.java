package com.labelmint.payments.ton;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_JETTON_WALLET;
import static com.labelmint.payments.ton.PayoutFixtures.HOT_WALLET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TonHttpApiTest {

    private static final TonAddress USDT_MASTER = TonAddress.parse("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", TonNetwork.MAINNET);

    private static ToncenterStandIn toncenter;
    private static TonHttpApi api;

    @BeforeAll
    static void start() {
        toncenter = new ToncenterStandIn();
        api = toncenter.client();
    }

    @BeforeEach
    void forgetEarlierStubsAndRequests() {
        toncenter.server().resetAll();
    }

    @AfterAll
    static void stop() {
        toncenter.close();
    }

    @Test
    void sendBocPostsTheBocWithTheKeyInAHeaderOnly() {
        toncenter.answerPost("sendBoc", 200, "sendBoc-ok.json", Map.of());

        api.sendBoc("te6cckEBAQEAAgAAAEysuc0=");

        toncenter.server().verify(postRequestedFor(urlPathEqualTo("/api/v2/sendBoc"))
                .withHeader("X-API-Key", equalTo(ToncenterStandIn.API_KEY))
                .withQueryParam("api_key", absent())
                .withRequestBody(equalToJson("{\"boc\": \"te6cckEBAQEAAgAAAEysuc0=\"}")));
        assertThat(toncenter.server().getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).doesNotContain(ToncenterStandIn.API_KEY));
    }

    @Test
    void noKeyNoHeader() {
        toncenter.answerPost("sendBoc", 200, "sendBoc-ok.json", Map.of());
        new TonHttpApi(toncenter.baseUrl(), Optional.empty(), Duration.ofSeconds(5), HttpClient.newHttpClient(), new ObjectMapper())
                .sendBoc("te6cckEBAQEAAgAAAEysuc0=");
        toncenter.server().verify(postRequestedFor(urlPathEqualTo("/api/v2/sendBoc")).withHeader("X-API-Key", absent()));
    }

    @Test
    void aRefusedExternalMessageIsRejectedNotRetryable() {
        toncenter.answerPost("sendBoc", 500, "sendBoc-rejected.json", Map.of());

        assertThatThrownBy(() -> api.sendBoc("te6cckEBAQEAAgAAAEysuc0="))
                .isInstanceOfSatisfying(TonApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TonApiException.Kind.REJECTED);
                    assertThat(e.kind().retryable()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("cannot apply external message");
                });
    }

    @Test
    void rateLimitsCarryRetryAfter() {
        toncenter.server().stubFor(WireMock.get(urlPathEqualTo("/api/v2/getWalletInformation"))
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody(ToncenterStandIn.fixture("rate-limited.json"))));

        assertThatThrownBy(() -> api.getWalletInformation(HOT_WALLET.address()))
                .isInstanceOfSatisfying(TonApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TonApiException.Kind.RATE_LIMITED);
                    assertThat(e.kind().retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
    }

    @Test
    void aGatewayTimeoutIsUnavailable() {
        toncenter.answerGet("getTransactions", 504, "gateway-timeout.html", Map.of());
        assertThatThrownBy(() -> api.getTransactions(TransactionQuery.latest(HOT_WALLET.address(), 10)))
                .isInstanceOfSatisfying(TonApiException.class, e -> assertThat(e.kind()).isEqualTo(TonApiException.Kind.UNAVAILABLE));
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        toncenter.answerGet("getWalletInformation", 401, "unauthorized.json", Map.of());
        assertThatThrownBy(() -> api.getWalletInformation(HOT_WALLET.address()))
                .isInstanceOfSatisfying(TonApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TonApiException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain(ToncenterStandIn.API_KEY);
                });
    }

    @Test
    void noServerIsUnavailable() throws IOException {
        int port;
        try (ServerSocket closedRightAway = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closedRightAway.getLocalPort();
        }
        TonHttpApi nobody = new TonHttpApi(URI.create("http://127.0.0.1:" + port + "/api/v2"), Optional.empty(),
                Duration.ofSeconds(2), HttpClient.newHttpClient(), new ObjectMapper());
        assertThatThrownBy(() -> nobody.getSeqno(HOT_WALLET.address()))
                .isInstanceOfSatisfying(TonApiException.class, e -> assertThat(e.kind()).isEqualTo(TonApiException.Kind.UNAVAILABLE));
    }

    @Test
    void anAnswerWithoutTheDocumentedFieldsIsMalformed() {
        toncenter.server().stubFor(WireMock.get(urlPathEqualTo("/api/v2/getWalletInformation"))
                .willReturn(WireMock.okJson("{\"ok\": true, \"result\": {\"wallet\": true}}")));
        assertThatThrownBy(() -> api.getWalletInformation(HOT_WALLET.address()))
                .isInstanceOfSatisfying(TonApiException.class, e -> assertThat(e.kind()).isEqualTo(TonApiException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void walletInformationOfAnActiveV5Wallet() {
        toncenter.answerGet("getWalletInformation", 200, "getWalletInformation-active.json", Map.of());

        WalletInformation information = api.getWalletInformation(HOT_WALLET.address());

        assertThat(information.isActive()).isTrue();
        assertThat(information.balance()).isEqualTo(4_873_145_098L);
        assertThat(information.seqno()).hasValue(42);
        assertThat(information.lastTransaction()).contains(new TransactionId(61532000000007L, "pQ3Yx0m5c8mYc8b0cF2nQq1oE0yWkH3z2f9jvYt3Q0o="));
        toncenter.server().verify(getRequestedFor(urlPathEqualTo("/api/v2/getWalletInformation"))
                .withQueryParam("address", equalTo(HOT_WALLET.address().raw())));
        assertThat(api.getSeqno(HOT_WALLET.address())).isEqualTo(42);
    }

    @Test
    void anUndeployedWalletHasSeqnoZero() {
        toncenter.answerGet("getWalletInformation", 200, "getWalletInformation-uninitialized.json", Map.of());

        WalletInformation information = api.getWalletInformation(HOT_WALLET.address());

        assertThat(information.isActive()).isFalse();
        assertThat(information.seqno()).isEmpty();
        assertThat(information.lastTransaction()).isEmpty();
        assertThat(api.getSeqno(HOT_WALLET.address())).isZero();
    }

    @Test
    void theSeqnoGetMethodWhenTheApiDoesNotRecogniseTheWallet() {
        toncenter.answerGet("getWalletInformation", 200, "getWalletInformation-unrecognised.json", Map.of());
        toncenter.answerPost("runGetMethod", 200, "runGetMethod-seqno.json", Map.of());

        assertThat(api.getSeqno(HOT_WALLET.address())).isEqualTo(42);
        toncenter.server().verify(postRequestedFor(urlPathEqualTo("/api/v2/runGetMethod"))
                .withRequestBody(equalToJson("{\"address\": \"" + HOT_WALLET.address().raw() + "\", \"method\": \"seqno\", \"stack\": []}")));
    }

    @Test
    void theJettonMasterNamesOurJettonWallet() {
        toncenter.answerPost("runGetMethod", 200, "runGetMethod-get_wallet_address.json",
                Map.of("JETTON_WALLET_ADDRESS_CELL", JettonBodies.addressCell(HOT_JETTON_WALLET)));

        assertThat(api.getJettonWalletAddress(USDT_MASTER, HOT_WALLET.address())).isEqualTo(HOT_JETTON_WALLET);
        toncenter.server().verify(postRequestedFor(urlPathEqualTo("/api/v2/runGetMethod"))
                .withRequestBody(matchingJsonPath("$.address", equalTo(USDT_MASTER.raw())))
                .withRequestBody(matchingJsonPath("$.method", equalTo("get_wallet_address")))
                .withRequestBody(matchingJsonPath("$.stack[0][0]", equalTo("tvm.Slice")))
                .withRequestBody(matchingJsonPath("$.stack[0][1]", equalTo(JettonBodies.addressCell(HOT_WALLET.address())))));
    }

    @Test
    void transactionsAreReadWithTheirMessagesAndPagedByLtAndHash() {
        toncenter.answerGet("getTransactions", 200, "getTransactions.json", TransactionFixtures.placeholders());
        TransactionQuery query = TransactionQuery.latest(HOT_WALLET.address(), 20)
                .startingAt(new TransactionId(61532000000007L, "pQ3Yx0m5c8mYc8b0cF2nQq1oE0yWkH3z2f9jvYt3Q0o="))
                .downTo(61000000000000L)
                .fromArchive();

        List<TonTransaction> transactions = api.getTransactions(query);

        toncenter.server().verify(getRequestedFor(urlPathEqualTo("/api/v2/getTransactions"))
                .withQueryParam("address", equalTo(HOT_WALLET.address().raw()))
                .withQueryParam("limit", equalTo("20"))
                .withQueryParam("lt", equalTo("61532000000007"))
                .withQueryParam("hash", equalTo("pQ3Yx0m5c8mYc8b0cF2nQq1oE0yWkH3z2f9jvYt3Q0o="))
                .withQueryParam("to_lt", equalTo("61000000000000"))
                .withQueryParam("archival", equalTo("true")));
        assertThat(transactions).hasSize(7);
        TonTransaction deposit = transactions.get(0);
        assertThat(deposit.id()).isEqualTo(new TransactionId(61532000000007L, "pQ3Yx0m5c8mYc8b0cF2nQq1oE0yWkH3z2f9jvYt3Q0o="));
        assertThat(deposit.utime()).isEqualTo(1795705260L);
        TonMessage in = deposit.inMessage().orElseThrow();
        assertThat(in.source()).isEqualTo("EQAREREREREREREREREREREREREREREREREREREREREREeYT");
        assertThat(in.value()).isEqualTo(1);
        assertThat(in.bodyBoc()).isPresent();
        assertThat(in.isExternal()).isFalse();

        TonTransaction payout = transactions.get(3);
        assertThat(payout.inMessage().orElseThrow().isExternal()).isTrue();
        assertThat(payout.outMessages()).singleElement().satisfies(out -> assertThat(out.value()).isEqualTo(50_000_000L));

        TonMessage plainComment = transactions.get(6).inMessage().orElseThrow();
        assertThat(plainComment.bodyBoc()).isEmpty();
        assertThat(plainComment.text()).contains("1794413727934894083");
    }

    @Test
    void aJettonWalletsBalanceIsTheFirstValueOfItsWalletDataAndZeroBeforeItIsDeployed() {
        toncenter.answerGet("getWalletInformation", 200, "getWalletInformation-active.json", Map.of());
        toncenter.answerPost("runGetMethod", 200, "runGetMethod-get_wallet_data.json", Map.of("BALANCE_HEX", "0xee6b280",
                "OWNER_CELL", JettonBodies.addressCell(HOT_WALLET.address()), "MASTER_CELL", JettonBodies.addressCell(PayoutFixtures.STRANGER)));

        assertThat(api.getJettonBalance(PayoutFixtures.HOT_JETTON_WALLET)).isEqualTo(250_000_000L);
        toncenter.server().verify(postRequestedFor(urlPathEqualTo("/api/v2/runGetMethod")).withRequestBody(equalToJson(
                "{\"address\": \"" + PayoutFixtures.HOT_JETTON_WALLET.raw() + "\", \"method\": \"get_wallet_data\", \"stack\": []}")));

        toncenter.server().resetAll();
        toncenter.answerGet("getWalletInformation", 200, "getWalletInformation-uninitialized.json", Map.of());
        assertThat(api.getJettonBalance(PayoutFixtures.HOT_JETTON_WALLET)).isZero();
    }
}
