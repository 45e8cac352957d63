package com.labelmint.notifications.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.labelmint.notifications.telegram.BotApiStandIn.Call;
import com.labelmint.notifications.telegram.TelegramUpdates.User;
import com.labelmint.tasks.QueueFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The outgoing queue against Telegram's answers: limits, 429, 403, 5xx and 400; and registering the webhook and menu button. */
@QuarkusTest
@QuarkusTestResource(value = BotApiStandIn.class, restrictToAnnotatedClass = true)
class TelegramSendingTest {

    private static final Duration SENT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Inject
    BotCalls calls;

    @Inject
    WebhookRegistration registration;

    @Test
    void tooManyRequestsIsRetriedOnlyAfterTelegramsRetryAfter() throws Exception {
        User user = User.fresh("Busy", "en");
        StubMapping flood = BotApiStandIn.server().stubFor(firstThen(user, "429", aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"error_code\": 429, \"description\": \"Too Many Requests: retry after 2\", "
                        + "\"parameters\": {\"retry_after\": 2}}")));
        try {
            TelegramUpdates.deliver(TelegramUpdates.message(user, "/help")).statusCode(200);
            await().atMost(SENT).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == 2);
            List<Call> tries = BotApiStandIn.callsTo("sendMessage", user.chatId());
            assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            await().atMost(SENT).until(() -> outgoing(user, "sent") == 1);
        } finally {
            BotApiStandIn.server().removeStub(flood);
        }
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedAndGetsNothingMoreUntilTheyWriteAgain() throws Exception {
        User user = User.fresh("Gone", "en");
        StubMapping blocked = BotApiStandIn.server().stubFor(toChat(user).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"error_code\": 403, \"description\": \"Forbidden: bot was blocked by the user\"}")));
        try {
            TelegramUpdates.deliver(TelegramUpdates.message(user, "/help")).statusCode(200);
            await().atMost(SENT).until(() -> QueueFixtures.count(dataSource,
                    "SELECT count(*) FROM notifications.telegram_chat WHERE chat_id = ? AND blocked_at IS NOT NULL", user.chatId()) == 1);
            QuarkusTransaction.requiringNew().run(() -> {
                calls.sendMessage(user.chatId(), "Your answer was accepted", null);
                calls.sendMessage(user.chatId(), "Your payout arrived", null);
            });
            Thread.sleep(1_500);
            assertThat(BotApiStandIn.callsTo("sendMessage", user.chatId())).hasSize(1);
            assertThat(outgoing(user, "dropped")).isEqualTo(3);
        } finally {
            BotApiStandIn.server().removeStub(blocked);
        }

        TelegramUpdates.deliver(TelegramUpdates.message(user, "/help")).statusCode(200);
        await().atMost(SENT).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == 2);
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM notifications.telegram_chat WHERE chat_id = ? AND blocked_at IS NULL", user.chatId())).isEqualTo(1);
        Thread.sleep(1_500);
        assertThat(BotApiStandIn.callsTo("sendMessage", user.chatId())).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndARefusedCallIsGivenUp() throws Exception {
        User flaky = User.fresh("Flaky", "en");
        StubMapping down = BotApiStandIn.server().stubFor(firstThen(flaky, "502", aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")));
        User refused = User.fresh("Refused", "en");
        StubMapping bad = BotApiStandIn.server().stubFor(toChat(refused).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"error_code\": 400, \"description\": \"Bad Request: chat not found\"}")));
        try {
            TelegramUpdates.deliver(TelegramUpdates.message(flaky, "/help")).statusCode(200);
            TelegramUpdates.deliver(TelegramUpdates.message(refused, "/help")).statusCode(200);
            await().atMost(SENT).until(() -> BotApiStandIn.callsTo("sendMessage", flaky.chatId()).size() == 2);
            List<Call> tries = BotApiStandIn.callsTo("sendMessage", flaky.chatId());
            assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            await().atMost(SENT).until(() -> outgoing(flaky, "sent") == 1);

            await().atMost(SENT).until(() -> outgoing(refused, "failed") == 1);
            Thread.sleep(1_000);
            assertThat(BotApiStandIn.callsTo("sendMessage", refused.chatId())).hasSize(1);
            assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_outgoing WHERE chat_id = ? "
                    + "AND last_error LIKE '%chat not found%'", refused.chatId())).isEqualTo(1);
        } finally {
            BotApiStandIn.server().removeStub(down);
            BotApiStandIn.server().removeStub(bad);
        }
    }

    @Test
    void newMessagesToOneChatGoAtMostOneASecond() throws Exception {
        User chatty = User.fresh("Chatty", "en");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                calls.sendMessage(chatty.chatId(), "Message " + i, null);
            }
        });
        await().atMost(SENT).until(() -> BotApiStandIn.callsTo("sendMessage", chatty.chatId()).size() == 3);
        List<Call> sent = BotApiStandIn.callsTo("sendMessage", chatty.chatId());
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(sent.get(i).params().path("text").asText());
            if (i > 0) {
                assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
            }
        }
        assertThat(order).containsExactly("Message 0", "Message 1", "Message 2");
    }

    @Test
    void aMessageQueuedForAChatWhileTelegramIsAnsweringItsLastOneIsNotHeldUp() throws Exception {
        User user = User.fresh("Queued", "en");
        StubMapping slow = BotApiStandIn.server().stubFor(toChat(user).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(6_000)
                .withBody("{\"ok\": true, \"result\": {\"message_id\": 1, \"date\": 1700000000, \"chat\": {\"id\": 1, \"type\": \"private\"}}}")));
        try {
            QuarkusTransaction.requiringNew().run(() -> calls.sendMessage(user.chatId(), "First", null));
            // the sender holds the call (and its chat) while Telegram takes its time: the row is pending but locked
            await().atMost(SENT).until(() -> outgoing(user, "pending") == 1 && QueueFixtures.count(dataSource,
                    "SELECT count(*) FROM (SELECT 1 FROM notifications.telegram_outgoing WHERE chat_id = ? AND state = 'pending' "
                            + "FOR UPDATE SKIP LOCKED) free", user.chatId()) == 0);
            QuarkusTransaction.requiringNew().call(() -> {
                // a queued call that had to wait for Telegram's answer to the first would fail here instead
                QueueFixtures.execute(dataSource, "SET LOCAL lock_timeout = '1s'");
                calls.sendMessage(user.chatId(), "Second", null);
                return null;
            });
            assertThat(outgoing(user, "sent")).as("the first call, still with Telegram when the second was queued").isZero();
        } finally {
            BotApiStandIn.server().removeStub(slow);
        }
        await().atMost(SENT).until(() -> outgoing(user, "sent") == 2);
    }

    @Test
    void chatsWhoseCallsTelegramIsSlowToAnswerDoNotHoldUpTheOthers() throws Exception {
        List<User> slowChats = List.of(User.fresh("Slow1", "en"), User.fresh("Slow2", "en"), User.fresh("Slow3", "en"));
        User quick = User.fresh("Quick", "en");
        List<StubMapping> slow = new ArrayList<>();
        for (User user : slowChats) {
            slow.add(BotApiStandIn.server().stubFor(toChat(user).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(8_000)
                    .withBody("{\"ok\": true, \"result\": {\"message_id\": 1, \"date\": 1700000000, \"chat\": {\"id\": 1, \"type\": \"private\"}}}"))));
        }
        try {
            for (User user : slowChats) {
                QuarkusTransaction.requiringNew().run(() -> calls.sendMessage(user.chatId(), "Slow", null));
            }
            QuarkusTransaction.requiringNew().run(() -> calls.sendMessage(quick.chatId(), "Quick", null));

            // three senders wait for Telegram's answers to the slow chats; a fourth takes the quick one meanwhile
            await().atMost(SENT).until(() -> outgoing(quick, "sent") == 1);
            for (User user : slowChats) {
                assertThat(outgoing(user, "sent")).as("%s, still with Telegram when the quick chat's call went", user.chatId())
                        .isZero();
            }
        } finally {
            slow.forEach(BotApiStandIn.server()::removeStub);
        }
        for (User user : slowChats) {
            await().atMost(SENT).until(() -> outgoing(user, "sent") == 1);
        }
    }

    @Test
    void startUpRegistrationSetsTheWebhookWithItsSecretTheCommandsInBothLanguagesAndTheMiniAppMenuButton() {
        assertThat(registration.register()).isTrue();
        List<Call> webhooks = BotApiStandIn.calls("setWebhook", params -> true);
        JsonNode webhook = webhooks.get(webhooks.size() - 1).params();
        assertThat(webhook.path("url").asText()).isEqualTo(BotApiStandIn.PUBLIC_URL + "/telegram/webhook");
        assertThat(webhook.path("secret_token").asText()).isEqualTo(BotApiStandIn.WEBHOOK_SECRET);
        List<String> allowed = new ArrayList<>();
        webhook.path("allowed_updates").forEach(kind -> allowed.add(kind.asText()));
        assertThat(allowed).containsExactly("message", "callback_query", "my_chat_member");

        List<Call> commands = BotApiStandIn.calls("setMyCommands", params -> true);
        JsonNode english = commands.get(commands.size() - 2).params();
        JsonNode russian = commands.get(commands.size() - 1).params();
        assertThat(english.has("language_code")).isFalse();
        assertThat(english.path("commands").get(0).path("command").asText()).isEqualTo("task");
        assertThat(russian.path("language_code").asText()).isEqualTo("ru");
        assertThat(russian.path("commands").get(0).path("description").asText()).isEqualTo("Следующее задание");

        List<Call> menuButtons = BotApiStandIn.calls("setChatMenuButton", params -> true);
        JsonNode menu = menuButtons.get(menuButtons.size() - 1).params();
        assertThat(menu.has("chat_id")).as("the default button of every chat").isFalse();
        assertThat(menu.path("menu_button").path("type").asText()).isEqualTo("web_app");
        assertThat(menu.path("menu_button").path("text").asText()).isEqualTo("Label");
        assertThat(menu.path("menu_button").path("web_app").path("url").asText()).isEqualTo(BotApiStandIn.PUBLIC_URL + "/app");
    }

    private static MappingBuilder toChat(User user) {
        return post(urlPathMatching("/bot[^/]+/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(user.chatId()))));
    }

    /** The chat's first sendMessage gets {@code failure}; later ones fall through to the stand-in's success. */
    private static MappingBuilder firstThen(User user, String name, ResponseDefinitionBuilder failure) {
        return toChat(user).atPriority(1).inScenario(name + "-" + user.chatId()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("failed once");
    }

    private long outgoing(User user, String state) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_outgoing WHERE chat_id = ? AND state = ?",
                user.chatId(), state);
    }
}
