package com.labelmint.payments.ton;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A local stand-in for toncenter v2 (WireMock on loopback) answering with the fixtures of src/test/resources/ton,
 * their {@code {{NAME}}} placeholders filled with bodies the test built.
 */
final class ToncenterStandIn implements AutoCloseable {

    static final String API_KEY = "test-api-key-0123456789";

    private final WireMockServer server;

    ToncenterStandIn() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/v2");
    }

    TonHttpApi client() {
        return new TonHttpApi(baseUrl(), Optional.of(API_KEY), Duration.ofSeconds(5), HttpClient.newHttpClient(), new ObjectMapper());
    }

    void answerGet(String method, int status, String fixture, Map<String, String> placeholders) {
        server.stubFor(answer(get(urlPathEqualTo("/api/v2/" + method)), status, fixture, placeholders));
    }

    void answerPost(String method, int status, String fixture, Map<String, String> placeholders) {
        server.stubFor(answer(post(urlPathEqualTo("/api/v2/" + method)), status, fixture, placeholders));
    }

    private static MappingBuilder answer(MappingBuilder request, int status, String fixture, Map<String, String> placeholders) {
        String body = fixture(fixture);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            body = body.replace("{{" + placeholder.getKey() + "}}", placeholder.getValue());
        }
        String contentType = fixture.endsWith(".html") ? "text/html" : "application/json";
        return request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body));
    }

    static String fixture(String name) {
        try (InputStream in = ToncenterStandIn.class.getResourceAsStream("/ton/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture ton/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
