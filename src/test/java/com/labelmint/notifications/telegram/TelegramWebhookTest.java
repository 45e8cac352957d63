package com.labelmint.notifications.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.notifications.telegram.TelegramUpdates.User;
import com.labelmint.tasks.QueueFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The webhook: who may deliver, what is stored, that each update is handled once, and the kinds of update Telegram sends. */
@QuarkusTest
@QuarkusTestResource(value = BotApiStandIn.class, restrictToAnnotatedClass = true)
class TelegramWebhookTest {

    private static final Duration HANDLED = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Inject
    BotCalls calls;

    @Inject
    TelegramRetention retention;

    @Test
    void anUpdateWithoutTheRightSecretIsRefusedAndNotStored() throws Exception {
        String start = TelegramUpdates.fixture("start_message.json").replace("633291228", "633291001");
        given().contentType(ContentType.JSON).body(start).post("/telegram/webhook")
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:telegram-webhook-refused"));
        given().header(WebhookResource.SECRET_HEADER, BotApiStandIn.WEBHOOK_SECRET + "x").contentType(ContentType.JSON).body(start)
                .post("/telegram/webhook").then().statusCode(401);
        given().header(WebhookResource.SECRET_HEADER, "").contentType(ContentType.JSON).body(start).post("/telegram/webhook").then().statusCode(401);
        // a wrong secret is refused before the body is read: even garbage gets 401, not 400
        given().header(WebhookResource.SECRET_HEADER, "wrong").contentType(ContentType.JSON).body("{not json").post("/telegram/webhook")
                .then().statusCode(401);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update WHERE update_id = 633291001")).isZero();
    }

    @Test
    void aBodyThatIsNotAnUpdateIsABadRequest() throws Exception {
        long before = QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update");
        TelegramUpdates.deliver("{\"update_id\": 12, \"message\": ").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:malformed-update"));
        TelegramUpdates.deliver("[1, 2]").statusCode(400);
        TelegramUpdates.deliver("{\"message\": {}}").statusCode(400);
        TelegramUpdates.deliver("{\"update_id\": \"12\"}").statusCode(400);
        TelegramUpdates.deliver("{\"update_id\": -5}").statusCode(400);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update")).isEqualTo(before);
    }

    @Test
    void startCreatesALabelerAndWelcomesThemAndTheSameUpdateTwiceIsHandledOnce() throws Exception {
        String start = TelegramUpdates.fixture("start_message.json");
        ExecutorService telegram = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> delivery = () -> TelegramUpdates.deliver(start).extract().statusCode();
            List<Future<Integer>> both = telegram.invokeAll(List.of(delivery, delivery));
            for (Future<Integer> status : both) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            telegram.shutdown();
        }
        TelegramUpdates.deliver(start).statusCode(200);

        long chris = 714862471L;
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", chris).size() == 1);
        assertThat(BotApiStandIn.callsTo("sendMessage", chris).get(0).params().path("text").asText()).startsWith("Welcome to LabelMint, Chris!");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update WHERE update_id = 633291228 "
                + "AND handled_at IS NOT NULL")).isEqualTo(1);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM auth.telegram_identity t JOIN users.account a ON a.id = t.account_id "
                + "WHERE t.telegram_user_id = ? AND 'labeler' = ANY (a.roles)", chris)).isEqualTo(1);
        Thread.sleep(1_000); // a second handling would have queued and sent its own welcome by now
        assertThat(BotApiStandIn.callsTo("sendMessage", chris)).hasSize(1);
    }

    @Test
    void aPhotoGetsAHintAnEditedMessageAndAnUnknownKindAreAcknowledgedAndIgnored() throws Exception {
        TelegramUpdates.deliver(TelegramUpdates.fixture("photo_message.json")).statusCode(200);
        TelegramUpdates.deliver(TelegramUpdates.fixture("edited_message.json")).statusCode(200);
        TelegramUpdates.deliver(TelegramUpdates.fixture("poll.json")).statusCode(200);
        TelegramUpdates.deliver(TelegramUpdates.fixture("text_message.json")).statusCode(200);

        long photographer = 1173180004L;
        long waffle = 218485655L;
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", photographer).size() == 1
                && BotApiStandIn.callsTo("sendMessage", waffle).size() == 1);
        assertThat(BotApiStandIn.callsTo("sendMessage", photographer).get(0).params().path("text").asText()).startsWith("I read commands");
        await().atMost(HANDLED).until(() -> QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update "
                + "WHERE update_id IN (892252935, 892252937) AND handled_at IS NOT NULL") == 2);
        // the edited "/task" did not ask for a task: Waffle's only reply is the hint to "hello there"
        Thread.sleep(500);
        assertThat(BotApiStandIn.callsTo("sendMessage", waffle)).hasSize(1);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_card WHERE chat_id = ?", waffle)).isZero();
    }

    @Test
    void aUserWhoBlocksTheBotGetsNothingUntilTheyWriteAgain() throws Exception {
        User user = User.fresh("Blocker", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(user, "/start")).statusCode(200);
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == 1);

        TelegramUpdates.deliver(TelegramUpdates.membership(user, "kicked")).statusCode(200);
        await().atMost(HANDLED).until(() -> QueueFixtures.count(dataSource,
                "SELECT count(*) FROM notifications.telegram_chat WHERE chat_id = ? AND blocked_at IS NOT NULL", user.chatId()) == 1);
        // a message the application queues for them meanwhile is kept as dropped, and not sent when they come back
        QuarkusTransaction.requiringNew().run(() -> calls.sendMessage(user.chatId(), "Your payout arrived", null));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_outgoing "
                + "WHERE chat_id = ? AND state = 'dropped'", user.chatId())).isEqualTo(1);

        TelegramUpdates.deliver(TelegramUpdates.message(user, "/help")).statusCode(200);
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == 2);
        assertThat(BotApiStandIn.callsTo("sendMessage", user.chatId()).get(1).params().path("text").asText()).startsWith("LabelMint bot");
        assertThat(BotApiStandIn.callsTo("sendMessage", user.chatId())).noneMatch(call -> call.params().path("text").asText().contains("payout"));
    }

    @Test
    void theRealBlockedUserSampleMarksTheirChat() throws Exception {
        TelegramUpdates.deliver(TelegramUpdates.fixture("my_chat_member_kicked.json")).statusCode(200);
        await().atMost(HANDLED).until(() -> QueueFixtures.count(dataSource,
                "SELECT count(*) FROM notifications.telegram_chat WHERE chat_id = 218485655 AND blocked_at IS NOT NULL") == 1);
    }

    @Test
    void oldHandledUpdatesAreForgottenSoAnUpdateIdTelegramGivesOutAgainIsHandled() throws Exception {
        long reused = 777_000_001L;
        long recent = 777_000_002L;
        long unhandled = 777_000_003L;
        QueueFixtures.execute(dataSource, "INSERT INTO notifications.telegram_update (update_id, payload, received_at, handled_at) "
                + "VALUES (?, '{}', now() - interval '8 days', now() - interval '8 days'), "
                + "(?, '{}', now() - interval '1 hour', now() - interval '1 hour'), (?, '{}', now() - interval '8 days', NULL)",
                reused, recent, unhandled);

        retention.purge();

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_update WHERE update_id IN (?, ?, ?)",
                reused, recent, unhandled)).isEqualTo(2);
        User user = User.fresh("Again", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(user, "/help").replaceFirst("\"update_id\":\\d+", "\"update_id\":" + reused))
                .statusCode(200);
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == 1);
    }
}
