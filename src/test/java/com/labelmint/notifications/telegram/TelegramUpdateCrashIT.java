package com.labelmint.notifications.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.labelmint.notifications.telegram.TelegramUpdates.User;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An update Telegram was told is received (200) survives a kill -9 of the packaged application before it was
 * handled: the next instance handles it, once, and the reply reaches the Bot API stand-in.
 */
class TelegramUpdateCrashIT {

    private static final String SECRET = "crash-test-webhook-secret";

    @Test
    void anAcknowledgedUpdateIsHandledOnceByTheNextInstanceAfterAKill() throws Exception {
        WireMockServer botApi = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        botApi.start();
        botApi.stubFor(post(urlPathMatching("/bot[^/]+/.+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\": true, \"result\": {\"message_id\": 1}}")));
        Map<String, String> telegram = Map.of(
                "LABELMINT_TELEGRAM_BOT_TOKEN", "42:CRASH-TEST",
                "LABELMINT_TELEGRAM_WEBHOOK_SECRET", SECRET,
                "LABELMINT_TELEGRAM_API_URL", "http://127.0.0.1:" + botApi.port());
        User user = User.fresh("Survivor", "en");
        try (TestDatabase database = TestDatabase.recreate("labelmint_bot_it_update_crash")) {
            // the first instance stores events but relays none: the update is acknowledged and left unhandled
            try (AppProcess first = AppProcess.start("bot-crash-a", database.jdbcUrl(), with(telegram, "false"))) {
                assertThat(deliver(first, TelegramUpdates.message(user, "/start")).statusCode()).isEqualTo(200);
                assertThat(database.queryLong("SELECT count(*) FROM notifications.telegram_update WHERE handled_at IS NULL")).isEqualTo(1);
                first.kill();
            }
            database.awaitNoApplicationConnections(Duration.ofSeconds(10));
            assertThat(botApi.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/sendMessage")))).isEmpty();

            try (AppProcess second = AppProcess.start("bot-crash-b", database.jdbcUrl(), with(telegram, "true"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> botApi.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/sendMessage"))).size() == 1);
                assertThat(botApi.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/sendMessage"))).get(0).getBodyAsString())
                        .contains("\"chat_id\":" + user.chatId()).contains("Welcome to LabelMint, Survivor!");
                assertThat(database.queryLong("SELECT count(*) FROM notifications.telegram_update WHERE handled_at IS NOT NULL")).isEqualTo(1);
                assertThat(database.queryLong("SELECT count(*) FROM auth.telegram_identity WHERE telegram_user_id = ?", user.id())).isEqualTo(1);
                Thread.sleep(2_000);
                assertThat(botApi.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/sendMessage")))).hasSize(1);
            }
        } finally {
            botApi.stop();
        }
    }

    private static Map<String, String> with(Map<String, String> telegram, String relayEnabled) {
        Map<String, String> env = new HashMap<>(telegram);
        env.put("LABELMINT_EVENTS_RELAY_ENABLED", relayEnabled);
        return env;
    }

    private static HttpResponse<String> deliver(AppProcess app, String update) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.uri("/telegram/webhook")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header(WebhookResource.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
