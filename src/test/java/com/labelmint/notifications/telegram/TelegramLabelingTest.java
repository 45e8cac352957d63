package com.labelmint.notifications.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.notifications.delivery.OutgoingNotification;
import com.labelmint.notifications.notice.NewNotification;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.Notifier;
import com.labelmint.notifications.notice.Params;
import com.labelmint.notifications.preference.Preferences;
import com.labelmint.notifications.preference.PreferencesUpdate;
import com.labelmint.notifications.telegram.BotApiStandIn.Call;
import com.labelmint.notifications.telegram.TelegramUpdates.User;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Labeling in a chat with buttons, the buttons' safety, the language, and linking a web account. */
@QuarkusTest
@QuarkusTestResource(value = BotApiStandIn.class, restrictToAnnotatedClass = true)
class TelegramLabelingTest {

    private static final Duration HANDLED = Duration.ofSeconds(20);
    /** What the stand-in answers to every sendMessage: the message the buttons are under. */
    private static final long MESSAGE_ID = 777;
    private static final String INVALID = "This button is no longer valid.";

    @Inject
    DataSource dataSource;

    @Inject
    Notifier notifier;

    @Inject
    TelegramChannel telegram;

    @Inject
    Preferences preferences;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void aLabelerAnswersThreeTasksWithButtonsAndTheAnswersAreStored() throws Exception {
        List<Long> items = project(ProjectFixtures.sentimentSchema(), 3);
        User lena = User.fresh("Lena", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(lena, "/task")).statusCode(200);
        Call task = awaitCall("sendMessage", lena, 1);
        assertThat(task.params().path("text").asText()).startsWith("Sentiment of reviews").contains("text: review number 0");
        JsonNode keyboard = task.params().path("reply_markup").path("inline_keyboard");
        assertThat(buttonTexts(keyboard)).containsExactly("Positive", "Negative", "Neutral", "Skip");

        String[] choices = {"positive", "negative", "neutral"};
        for (int i = 0; i < 3; i++) {
            String data = keyboard.get(i).get(0).path("callback_data").asText();
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            String callbackId = press(lena, lena, data);
            assertThat(awaitAnswer(callbackId).path("text").asText()).isEqualTo("Saved ✅");
            Call edit = awaitCall("editMessageText", lena, i + 1);
            assertThat(edit.params().path("message_id").asLong()).isEqualTo(MESSAGE_ID);
            keyboard = edit.params().path("reply_markup").path("inline_keyboard");
            if (i < 2) {
                assertThat(edit.params().path("text").asText()).contains("text: review number " + (i + 1));
            } else {
                assertThat(edit.params().path("text").asText()).startsWith("Thank you! No more tasks");
                assertThat(keyboard.isMissingNode() || keyboard.isEmpty()).isTrue();
            }
        }

        UUID labeler = accountOf(lena);
        assertThat(answers(labeler)).containsExactly(items.get(0) + "=" + choices[0], items.get(1) + "=" + choices[1],
                items.get(2) + "=" + choices[2]);
        assertThat(BotApiStandIn.callsTo("sendMessage", lena.chatId())).hasSize(1);
    }

    @Test
    void multipleChoiceTicksOptionsAndSubmitsThemTogether() throws Exception {
        project(Map.of("dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                "label", Map.of("type", "multiple_choice", "minSelected", 1, "maxSelected", 2, "options", List.of(
                        Map.of("value", "sports", "title", "Sports"), Map.of("value", "politics", "title", "Politics"),
                        Map.of("value", "science", "title", "Science")))), 1);
        User omar = User.fresh("Omar", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(omar, "/task")).statusCode(200);
        JsonNode keyboard = awaitCall("sendMessage", omar, 1).params().path("reply_markup").path("inline_keyboard");
        assertThat(buttonTexts(keyboard)).containsExactly("☐ Sports", "☐ Politics", "☐ Science", "Submit ✅", "Skip");
        String submit = keyboard.get(3).get(0).path("callback_data").asText();

        assertThat(awaitAnswer(press(omar, omar, submit)).path("text").asText()).startsWith("Not saved: ").contains("choose between 1 and 2");
        press(omar, omar, keyboard.get(0).get(0).path("callback_data").asText());
        awaitCall("editMessageReplyMarkup", omar, 1);
        press(omar, omar, keyboard.get(2).get(0).path("callback_data").asText());
        JsonNode ticked = awaitCall("editMessageReplyMarkup", omar, 2).params().path("reply_markup").path("inline_keyboard");
        assertThat(buttonTexts(ticked)).startsWith("☑ Sports", "☐ Politics", "☑ Science");
        assertThat(awaitAnswer(press(omar, omar, submit)).path("text").asText()).isEqualTo("Saved ✅");

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ? "
                + "AND value = '{\"values\": [\"sports\", \"science\"]}'::jsonb", accountOf(omar))).isEqualTo(1);
    }

    @Test
    void anImageTaskComesAsAPhotoAndTheNextPhotoReplacesIt() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, Map.of("dataFields", List.of(Map.of("name", "image", "type", "image", "required", true)),
                "label", Map.of("type", "single_choice", "options", List.of(Map.of("value", "cat", "title", "Cat"),
                        Map.of("value", "dog", "title", "Dog")))), Map.of("overlap", 1, "goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        for (String picture : List.of("https://images.example.org/1.jpg", "https://images.example.org/2.jpg")) {
            QueueFixtures.execute(dataSource, "INSERT INTO tasks.item (project_id, data, answers_needed) VALUES (?, cast(? AS jsonb), 1)",
                    project, "{\"image\": \"" + picture + "\"}");
        }
        User user = User.fresh("Pix", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(user, "/task")).statusCode(200);
        JsonNode photo = awaitCall("sendPhoto", user, 1).params();
        assertThat(photo.path("photo").asText()).isEqualTo("https://images.example.org/1.jpg");
        assertThat(photo.path("caption").asText()).startsWith("Sentiment of reviews").contains("Choose one answer.");
        String dog = photo.path("reply_markup").path("inline_keyboard").get(1).get(0).path("callback_data").asText();

        assertThat(awaitAnswer(press(user, user, dog)).path("text").asText()).isEqualTo("Saved ✅");
        JsonNode next = awaitCall("editMessageMedia", user, 1).params();
        assertThat(next.path("media").path("type").asText()).isEqualTo("photo");
        assertThat(next.path("media").path("media").asText()).isEqualTo("https://images.example.org/2.jpg");
        String cat = next.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        assertThat(awaitAnswer(press(user, user, cat)).path("text").asText()).isEqualTo("Saved ✅");
        assertThat(awaitCall("editMessageCaption", user, 1).params().path("caption").asText()).startsWith("Thank you! No more tasks");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ?", accountOf(user))).isEqualTo(2);
        assertThat(BotApiStandIn.callsTo("sendMessage", user.chatId())).isEmpty();
    }

    @Test
    void forgedForeignAndReplayedButtonsDoNothingButSaySo() throws Exception {
        project(ProjectFixtures.sentimentSchema(), 2);
        User owner = User.fresh("Ana", "en");
        User stranger = User.fresh("Mallory", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(owner, "/task")).statusCode(200);
        JsonNode keyboard = awaitCall("sendMessage", owner, 1).params().path("reply_markup").path("inline_keyboard");
        String positive = keyboard.get(0).get(0).path("callback_data").asText();
        String cardId = positive.split(":")[1];

        assertThat(awaitAnswer(press(stranger, stranger, positive)).path("text").asText()).isEqualTo(INVALID);
        assertThat(awaitAnswer(press(stranger, owner, positive)).path("text").asText()).isEqualTo(INVALID);
        assertThat(awaitAnswer(press(owner, owner, "t:AAAAAAAAAAAAAAAAAAAAAA:o0")).path("text").asText()).isEqualTo(INVALID);
        assertThat(awaitAnswer(press(owner, owner, "t:" + cardId + ":o99")).path("text").asText()).isEqualTo(INVALID);
        assertThat(awaitAnswer(press(owner, owner, "t:" + cardId + ":s")).path("text").asText()).isEqualTo(INVALID);
        TelegramUpdates.deliver(TelegramUpdates.fixture("callback_query.json")).statusCode(200);
        assertThat(awaitAnswer("1874464818486990916").path("text").asText()).isEqualTo("Эта кнопка больше не действует.");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ?", accountOf(owner))).isZero();

        assertThat(awaitAnswer(press(owner, owner, positive)).path("text").asText()).isEqualTo("Saved ✅");
        assertThat(awaitAnswer(press(owner, owner, positive)).path("text").asText()).isEqualTo(INVALID);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ?", accountOf(owner))).isEqualTo(1);
        assertThat(BotApiStandIn.callsTo("editMessageText", stranger.chatId())).isEmpty();

        // the second task, in place of the first: skipped, it goes back to the queue and nothing is left for Ana
        JsonNode second = awaitCall("editMessageText", owner, 1).params().path("reply_markup").path("inline_keyboard");
        String skip = second.get(second.size() - 1).get(0).path("callback_data").asText();
        assertThat(awaitAnswer(press(owner, owner, skip)).path("text").asText()).isEqualTo("Skipped");
        assertThat(awaitCall("editMessageText", owner, 2).params().path("text").asText()).startsWith("Thank you! No more tasks");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.lease WHERE labeler_id = ? AND state = 'skipped'",
                accountOf(owner))).isEqualTo(1);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ?", accountOf(owner))).isEqualTo(1);
    }

    @Test
    void aButtonPressedAfterTheLeaseEndedIsToldTheTaskExpired() throws Exception {
        project(ProjectFixtures.sentimentSchema(), 1);
        User late = User.fresh("Late", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(late, "/task")).statusCode(200);
        String positive = awaitCall("sendMessage", late, 1).params().path("reply_markup").path("inline_keyboard")
                .get(0).get(0).path("callback_data").asText();
        QueueFixtures.execute(dataSource, "UPDATE tasks.lease SET expires_at = now() - interval '1 second' WHERE labeler_id = ?", accountOf(late));

        assertThat(awaitAnswer(press(late, late, positive)).path("text").asText()).isEqualTo("This task has expired. Send /task for a new one.");
        assertThat(awaitCall("editMessageReplyMarkup", late, 1).params().path("reply_markup").path("inline_keyboard").isEmpty()).isTrue();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE labeler_id = ?", accountOf(late))).isZero();
    }

    @Test
    void theLanguageComesFromTelegramFirstAndFromTheProfileOnceChosen() throws Exception {
        User ivan = User.fresh("Иван", "ru");
        TelegramUpdates.deliver(TelegramUpdates.message(ivan, "/start")).statusCode(200);
        assertThat(awaitCall("sendMessage", ivan, 1).params().path("text").asText()).startsWith("Добро пожаловать в LabelMint, Иван!");

        TelegramUpdates.deliver(TelegramUpdates.message(ivan, "/language")).statusCode(200);
        JsonNode choices = awaitCall("sendMessage", ivan, 2).params().path("reply_markup").path("inline_keyboard");
        assertThat(buttonTexts(choices)).containsExactly("English", "Русский");
        press(ivan, ivan, choices.get(0).get(0).path("callback_data").asText());
        assertThat(awaitCall("editMessageText", ivan, 1).params().path("text").asText()).isEqualTo("I will speak English from now on.");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM users.account WHERE id = ? AND language = 'en'", accountOf(ivan)))
                .isEqualTo(1);

        // the profile now wins over the Russian Telegram app
        TelegramUpdates.deliver(TelegramUpdates.message(ivan, "/help")).statusCode(200);
        assertThat(awaitCall("sendMessage", ivan, 3).params().path("text").asText()).startsWith("LabelMint bot");
        press(ivan, ivan, "l:ru");
        awaitCall("editMessageText", ivan, 2);
        TelegramUpdates.deliver(TelegramUpdates.message(ivan, "/help")).statusCode(200);
        assertThat(awaitCall("sendMessage", ivan, 4).params().path("text").asText()).startsWith("Бот LabelMint");
        assertThat(awaitAnswer(press(ivan, ivan, "l:de")).path("text").asText()).isEqualTo("Эта кнопка больше не действует.");
    }

    @Test
    void aWebAccountIsLinkedByItsOneTimeStartLink() throws Exception {
        Person web = TestAccounts.signedIn("labeler");
        JsonPath issued = given().auth().oauth2(web.accessToken()).post("/api/v1/users/me/telegram-link")
                .then().statusCode(200).extract().jsonPath();
        String link = issued.getString("link");
        assertThat(link).startsWith("https://t.me/" + BotApiStandIn.BOT_USERNAME + "?start=");
        assertThat(issued.getString("expiresAt")).isNotBlank();
        String token = link.substring(link.indexOf("start=") + "start=".length());

        User phone = User.fresh("Web", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(phone, "/start " + token)).statusCode(200);
        assertThat(awaitCall("sendMessage", phone, 1).params().path("text").asText())
                .isEqualTo("This Telegram account is now linked to your LabelMint account Test labeler.");
        assertThat(accountOf(phone)).isEqualTo(web.id());

        User other = User.fresh("Other", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(other, "/start " + token)).statusCode(200);
        assertThat(awaitCall("sendMessage", other, 1).params().path("text").asText()).startsWith("This link has expired or was used already");

        TelegramUpdates.deliver(TelegramUpdates.message(phone, "/balance")).statusCode(200);
        assertThat(awaitCall("sendMessage", phone, 2).params().path("text").asText()).startsWith("You have no money with LabelMint yet");
        TelegramUpdates.deliver(TelegramUpdates.message(phone, "/stats")).statusCode(200);
        assertThat(awaitCall("sendMessage", phone, 3).params().path("text").asText()).startsWith("Your answers: 0 in all, 0 today.");
        TelegramUpdates.deliver(TelegramUpdates.message(phone, "/withdraw")).statusCode(200);
        JsonNode withdraw = awaitCall("sendMessage", phone, 4).params();
        assertThat(withdraw.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo(BotApiStandIn.PUBLIC_URL + "/app");
    }

    @Test
    void aNotificationReachesTheChatOfALinkedAccountOnceHoweverOftenItsDeliveryIsAttempted() throws Exception {
        User nadia = User.fresh("Nadia", "en");
        TelegramUpdates.deliver(TelegramUpdates.message(nadia, "/start")).statusCode(200);
        awaitCall("sendMessage", nadia, 1);
        UUID account = accountOf(nadia);

        // in the chat only when asked for: one message per answer would bury the task cards
        preferences.replace(account, new PreferencesUpdate(null, Map.of("answer-accepted", Map.of("telegram", true))));
        QuarkusTransaction.requiringNew().call(() -> notifier.notify(NewNotification.fromEvent(UUID.randomUUID(), account,
                NotificationKind.ANSWER_ACCEPTED, Params.of("project", "Chat birds", "itemId", 7, "reward", "0.500000 USDT"))));

        assertThat(awaitCall("sendMessage", nadia, 2).params().path("text").asText()).isEqualTo("Your answer was accepted\n\n"
                + "Your answer on item 7 in \"Chat birds\" was accepted. It earns 0.500000 USDT.\n\n"
                + "-- \nYou can choose what we tell you, and how, in your notification settings.");
        UUID delivery = telegramDeliveryOf(account);
        OutgoingNotification again = new OutgoingNotification(delivery, UUID.randomUUID(), account, NotificationKind.ANSWER_ACCEPTED,
                Params.of("project", "Chat birds", "itemId", 7, "reward", "0.500000 USDT"), "en", java.time.Instant.now());
        telegram.deliver(again); // a retry after the first attempt's outcome was lost
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.telegram_outgoing WHERE chat_id = ? "
                + "AND notification_delivery IS NOT NULL", nadia.chatId())).isEqualTo(1);
    }

    private UUID telegramDeliveryOf(UUID account) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT d.id FROM notifications.delivery d JOIN notifications.notification n ON n.id = d.notification_id "
                        + "WHERE n.user_id = ? AND d.channel = 'telegram'")) {
            query.setObject(1, account);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a Telegram delivery").isTrue();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private List<Long> project(Map<String, Object> schema, int items) throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, schema, Map.of("overlap", 1, "goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        return QueueFixtures.items(dataSource, project, items, 1);
    }

    /** Presses the button and returns the callback query's id, which the bot's answerCallbackQuery names. */
    private static String press(User presser, User chat, String data) {
        String update = TelegramUpdates.press(presser, chat, MESSAGE_ID, data);
        TelegramUpdates.deliver(update).statusCode(200);
        return update.replaceAll("(?s).*\"callback_query\":\\{\"id\":\"(\\d+)\".*", "$1");
    }

    private static JsonNode awaitAnswer(String callbackId) {
        await().atMost(HANDLED).until(() -> BotApiStandIn.calls("answerCallbackQuery",
                params -> params.path("callback_query_id").asText().equals(callbackId)).size() == 1);
        return BotApiStandIn.calls("answerCallbackQuery", params -> params.path("callback_query_id").asText().equals(callbackId))
                .get(0).params();
    }

    /** Waits for the {@code count}th call of the method to the user's chat and returns it. */
    private static Call awaitCall(String method, User user, int count) {
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo(method, user.chatId()).size() >= count);
        return BotApiStandIn.callsTo(method, user.chatId()).get(count - 1);
    }

    private static List<String> buttonTexts(JsonNode keyboard) {
        List<String> texts = new ArrayList<>();
        keyboard.forEach(row -> row.forEach(button -> texts.add(button.path("text").asText())));
        return texts;
    }

    private UUID accountOf(User user) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT account_id FROM auth.telegram_identity WHERE telegram_user_id = ?")) {
            query.setLong(1, user.id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("Telegram user " + user.id() + " has an account").isTrue();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private List<String> answers(UUID labeler) throws Exception {
        List<String> answers = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT item_id, value ->> 'value' FROM tasks.answer WHERE labeler_id = ? ORDER BY item_id")) {
            query.setObject(1, labeler);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    answers.add(row.getLong(1) + "=" + row.getString(2));
                }
            }
        }
        return answers;
    }
}
