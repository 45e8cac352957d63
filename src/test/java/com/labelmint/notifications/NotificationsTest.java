package com.labelmint.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.notifications.delivery.DeliveryWorker;
import com.labelmint.notifications.notice.NewNotification;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.Notifier;
import com.labelmint.notifications.notice.Params;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.tasks.api.ItemsImported;
import com.labelmint.testing.GreenMailResource;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Notifications from other modules' events, through the real outbox, the delivery worker, a real SMTP server
 * (GreenMail) and the in-app API: e-mail in the person's language, listing and reading, preferences, quiet hours,
 * digests, deduplication, and a failed delivery an admin retries.
 */
@QuarkusTest
class NotificationsTest {

    private static final Money REWARD = Money.parse("0.5", Currency.USDT);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The per-answer kinds are in-app only until the person asks for more, as these tests' labelers do. */
    private static final Map<String, Map<String, Boolean>> EVERY_ANSWER_BY_EMAIL = Map.of(
            "answer-accepted", Map.of("email", true), "answer-rejected", Map.of("email", true),
            "reward-paid", Map.of("email", true));

    @Inject
    EventPublisher events;

    @Inject
    Notifier notifier;

    @Inject
    DeliveryWorker deliveries;

    @Inject
    DataSource dataSource;

    @Test
    void anAcceptedAnswerIsMailedInTextAndHtmlInThePersonsLanguage() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        choose(labeler, EVERY_ANSWER_BY_EMAIL);
        publish(accepted(labeler.id()));

        MimeMessage mail = awaitMail(labeler.email(), 1).get(0);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(labeler.email());
        assertThat(mail.getSubject()).isEqualTo("Your answer was accepted");
        assertThat(text(mail)).contains("was accepted").contains("0.500000 USDT");
        assertThat(html(mail)).contains("<p>Your answer on item 7").contains("<html lang=\"en\"");

        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("language", "ru"))
                .patch("/api/v1/users/me").then().statusCode(200);
        publish(new AnswerRejected(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 8, labeler.id(),
                "ответ не совпал с <большинством>"));
        MimeMessage russian = awaitMail(labeler.email(), 2).get(1);
        assertThat(russian.getSubject()).isEqualTo("Ваш ответ не принят");
        assertThat(text(russian)).contains("Причина: ответ не совпал с <большинством>");
        assertThat(html(russian)).contains("<html lang=\"ru\"").contains("&lt;большинством&gt;");
    }

    @Test
    void theInAppListIsNewestFirstAndReadingCountsDown() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        for (int i = 0; i < 3; i++) {
            publish(accepted(labeler.id()));
        }
        await().atMost(PATIENCE).until(() -> unread(labeler) == 3);

        JsonPath firstPage = given().auth().oauth2(labeler.accessToken()).queryParam("limit", 2).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
        List<String> createdAt = firstPage.getList("items.createdAt");
        assertThat(createdAt).hasSize(2).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertThat(firstPage.getString("items[0].kind")).isEqualTo("answer-accepted");
        assertThat(firstPage.getString("items[0].title")).isEqualTo("Your answer was accepted");
        assertThat(firstPage.getBoolean("items[0].read")).isFalse();
        JsonPath secondPage = given().auth().oauth2(labeler.accessToken()).queryParam("limit", 2)
                .queryParam("cursor", firstPage.getString("next")).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(secondPage.getList("items")).hasSize(1);
        assertThat(secondPage.getString("next")).isNull();

        given().auth().oauth2(labeler.accessToken()).post("/api/v1/notifications/" + firstPage.getString("items[0].id") + "/read")
                .then().statusCode(204);
        assertThat(unread(labeler)).isEqualTo(2);
        Person stranger = TestAccounts.signedIn("labeler");
        given().auth().oauth2(stranger.accessToken()).post("/api/v1/notifications/" + firstPage.getString("items[1].id") + "/read")
                .then().statusCode(404);
        given().auth().oauth2(labeler.accessToken()).post("/api/v1/notifications/read-all").then().statusCode(200)
                .extract().jsonPath().getLong("marked");
        assertThat(unread(labeler)).isZero();
        given().auth().oauth2(labeler.accessToken()).queryParam("cursor", "forged").get("/api/v1/notifications").then().statusCode(400);
    }

    @Test
    void eachAnswersNoticesStayInTheAppUntilThePersonAsksForMore() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        JsonPath defaults = given().auth().oauth2(labeler.accessToken()).get("/api/v1/notifications/preferences")
                .then().statusCode(200).extract().jsonPath();
        for (String perAnswer : List.of("answer-accepted", "answer-rejected", "reward-paid")) {
            assertThat(defaults.getMap("kinds." + perAnswer)).as(perAnswer)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("in-app", true, "email", false, "telegram", false));
        }
        assertThat(defaults.getMap("kinds.withdrawal-sent")).containsExactlyInAnyOrderEntriesOf(
                Map.of("in-app", true, "email", true, "telegram", true));

        publish(accepted(labeler.id()));
        await().atMost(PATIENCE).until(() -> unread(labeler) == 1);
        assertThat(channelsOf(labeler.id())).containsExactly("in-app");

        choose(labeler, Map.of("answer-accepted", Map.of("email", true)));
        publish(accepted(labeler.id()));
        assertThat(awaitMail(labeler.email(), 1).get(0).getSubject()).isEqualTo("Your answer was accepted");
        // a choice left out of the next update goes back to its default
        choose(labeler, Map.of("reward-paid", Map.of("email", true)));
        publish(accepted(labeler.id()));
        await().atMost(PATIENCE).until(() -> unread(labeler) == 3);
        Thread.sleep(1_000);
        assertThat(mailTo(labeler.email())).hasSize(1);
    }

    @Test
    void aChannelSwitchedOffGetsNoDelivery() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        choose(labeler, Map.of("withdrawal-sent", Map.of("email", false)));
        JsonPath preferences = given().auth().oauth2(labeler.accessToken()).get("/api/v1/notifications/preferences")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preferences.getBoolean("kinds.withdrawal-sent.email")).isFalse();
        assertThat(preferences.getBoolean("kinds.withdrawal-sent.in-app")).isTrue();
        assertThat(preferences.getBoolean("kinds.withdrawal-failed.email")).isTrue();

        QuarkusTransaction.requiringNew().call(() -> notifier.notify(NewNotification.fromEvent(UUID.randomUUID(), labeler.id(),
                NotificationKind.WITHDRAWAL_SENT, Params.of("amount", "3.000000 USDT", "address", "UQCgAQEBAQEB"))));
        await().atMost(PATIENCE).until(() -> unread(labeler) == 1);
        assertThat(channelsOf(labeler.id())).containsExactly("in-app");
        assertThat(mailTo(labeler.email())).isEmpty();

        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("kinds", Map.of("reward-paid", Map.of("in-app", false))))
                .put("/api/v1/notifications/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("kinds", Map.of("no-such-kind", Map.of("email", false))))
                .put("/api/v1/notifications/preferences").then().statusCode(400);
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("quietHours", Map.of("start", "25:00", "end", "07:00")))
                .put("/api/v1/notifications/preferences").then().statusCode(400);
    }

    @Test
    void quietHoursDeferEverythingButTheInAppNoticeOfWhatMatters() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("quietHours", Map.of("start", now.minusHours(1).format(hhmm), "end", now.plusHours(2).format(hhmm)),
                        "kinds", EVERY_ANSWER_BY_EMAIL))
                .put("/api/v1/notifications/preferences").then().statusCode(200);

        publish(accepted(labeler.id()));
        publish(new RewardPaid(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), labeler.id(), REWARD,
                Money.parse("0.05", Currency.USDT)));
        await().atMost(PATIENCE).until(() -> unread(labeler) == 1);
        assertThat(given().auth().oauth2(labeler.accessToken()).get("/api/v1/notifications").then().extract().jsonPath()
                .getList("items.kind")).containsExactly("reward-paid");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.delivery d JOIN notifications.notification n "
                + "ON n.id = d.notification_id WHERE n.user_id = ? AND d.status = 'pending' AND d.next_attempt_at > now() + interval '1 hour'",
                labeler.id())).isEqualTo(3);
        assertThat(mailTo(labeler.email())).isEmpty();

        // the quiet hours end: what they held back is delivered, nothing dropped
        QueueFixtures.execute(dataSource, "UPDATE notifications.delivery SET next_attempt_at = now() WHERE notification_id IN "
                + "(SELECT id FROM notifications.notification WHERE user_id = ?)", labeler.id());
        await().atMost(PATIENCE).until(() -> unread(labeler) == 2);
        assertThat(awaitMail(labeler.email(), 2)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Your answer was accepted", "You were paid 0.500000 USDT");
    }

    @Test
    void taskNoticesWithinTheWindowBecomeOneDigest() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID first = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of());
        UUID second = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of());
        Person labeler = TestAccounts.signedIn("labeler");
        for (UUID project : List.of(first, second)) {
            given().auth().oauth2(labeler.accessToken()).put("/api/v1/notifications/follows/" + project).then().statusCode(204);
        }
        given().auth().oauth2(labeler.accessToken()).put("/api/v1/notifications/follows/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(given().auth().oauth2(labeler.accessToken()).get("/api/v1/notifications/follows").then().statusCode(200)
                .extract().jsonPath().getList("projectId")).containsExactlyInAnyOrder(first.toString(), second.toString());

        publish(new ItemsImported(UUID.randomUUID(), Instant.now(), first, UUID.randomUUID(), 100, 0));
        publish(new ItemsImported(UUID.randomUUID(), Instant.now(), second, UUID.randomUUID(), 20, 0));
        publish(new ItemsImported(UUID.randomUUID(), Instant.now(), first, UUID.randomUUID(), 5, 0));

        await().atMost(PATIENCE).until(() -> unread(labeler) == 1);
        JsonPath digest = given().auth().oauth2(labeler.accessToken()).get("/api/v1/notifications").then().extract().jsonPath();
        assertThat(digest.getString("items[0].kind")).isEqualTo("task-available");
        assertThat(digest.getLong("items[0].params.items")).isEqualTo(125);
        assertThat(digest.getList("items[0].params.projects.items")).containsExactlyInAnyOrder(105, 20);
        String text = text(awaitMail(labeler.email(), 1).get(0));
        assertThat(text).contains("105 new items").contains("20 new items");

        given().auth().oauth2(labeler.accessToken()).delete("/api/v1/notifications/follows/" + first).then().statusCode(204);
        publish(new ItemsImported(UUID.randomUUID(), Instant.now(), first, UUID.randomUUID(), 7, 0));
        Thread.sleep(3_000);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.task_digest WHERE user_id = ?", labeler.id()))
                .isZero();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.notification WHERE user_id = ?", labeler.id()))
                .isEqualTo(1);
    }

    @Test
    void theSameSourceTwiceIsOneNotificationWithOneDeliveryPerChannel() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        choose(labeler, EVERY_ANSWER_BY_EMAIL);
        NewNotification notification = NewNotification.fromEvent(UUID.randomUUID(), labeler.id(), NotificationKind.REWARD_PAID,
                Params.of("project", "Birds", "amount", "1.000000 USDT"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> notifier.notify(notification))).isPresent();
        assertThat(QuarkusTransaction.requiringNew().call(() -> notifier.notify(notification))).isEmpty();

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.notification WHERE user_id = ?", labeler.id()))
                .isEqualTo(1);
        assertThat(channelsOf(labeler.id())).containsExactlyInAnyOrder("in-app", "email");
        assertThat(awaitMail(labeler.email(), 1)).hasSize(1);
    }

    @Test
    void workersRacingForTheSameDeliveriesSendEachOnce() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        choose(labeler, EVERY_ANSWER_BY_EMAIL);
        int notifications = 40;
        QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < notifications; i++) {
                notifier.notify(NewNotification.fromEvent(UUID.randomUUID(), labeler.id(), NotificationKind.ANSWER_ACCEPTED,
                        Params.of("project", "Race", "itemId", i, "reward", "0.500000 USDT")));
            }
            return null;
        });
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                // beside the scheduled worker, four more claim and send at once until nothing is due
                claimed.add(workers.submit(() -> {
                    int total = 0;
                    for (int sent = deliveries.deliverDue(); sent > 0; sent = deliveries.deliverDue()) {
                        total += sent;
                    }
                    return total;
                }));
            }
            for (Future<Integer> worker : claimed) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        List<MimeMessage> mails = awaitMail(labeler.email(), notifications);
        await().atMost(PATIENCE).until(() -> QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.delivery d "
                + "JOIN notifications.notification n ON n.id = d.notification_id WHERE n.user_id = ? AND d.status = 'sent'",
                labeler.id()) == 2L * notifications);
        // A second attempt is right only after a failed one (a send that threw, its error kept on the row); one without
        // an error would be a second claim of a delivery another worker held.
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.delivery d JOIN notifications.notification n "
                + "ON n.id = d.notification_id WHERE n.user_id = ? AND d.attempts <> 1 AND d.last_error IS NULL", labeler.id())).isZero();
        assertThat(mailTo(labeler.email())).hasSize(notifications);
        Set<String> deliveryIds = new HashSet<>();
        for (MimeMessage mail : mails) {
            deliveryIds.add(mail.getHeader("X-LabelMint-Delivery")[0]);
        }
        assertThat(deliveryIds).hasSize(notifications);
    }

    @Test
    void aDeliveryThatKeepsFailingIsParkedForAnAdminToRetry() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        Person admin = TestAccounts.admin(dataSource);
        // the address disappears once the delivery is written (it was there, so the e-mail channel reached the person)
        UUID elsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().call(() -> {
            notifier.notify(NewNotification.fromEvent(UUID.randomUUID(), labeler.id(), NotificationKind.DEPOSIT_CREDITED,
                    Params.of("amount", "3.000000 USDT")));
            QueueFixtures.execute(dataSource, "UPDATE auth.credential SET account_id = ? WHERE account_id = ?", elsewhere, labeler.id());
            return null;
        });
        await().atMost(PATIENCE).until(() -> unread(labeler) == 1);
        String deliveryId = await().atMost(PATIENCE).until(() -> failedDeliveryOf(admin, labeler.id()), id -> id != null);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM notifications.delivery WHERE id = ? AND attempts = 3 "
                + "AND last_error LIKE '%no longer has an e-mail address%'", UUID.fromString(deliveryId))).isEqualTo(1);
        QueueFixtures.execute(dataSource, "UPDATE auth.credential SET account_id = ? WHERE account_id = ?", labeler.id(), elsewhere);
        assertThat(mailTo(labeler.email())).isEmpty();
        given().auth().oauth2(admin.accessToken()).post("/api/v1/admin/notification-deliveries/" + deliveryId + "/retry")
                .then().statusCode(204);
        assertThat(awaitMail(labeler.email(), 1).get(0).getSubject()).isEqualTo("Your deposit of 3.000000 USDT arrived");
        given().auth().oauth2(admin.accessToken()).post("/api/v1/admin/notification-deliveries/" + deliveryId + "/retry")
                .then().statusCode(409);
        given().auth().oauth2(admin.accessToken()).queryParam("status", "lost").get("/api/v1/admin/notification-deliveries")
                .then().statusCode(400);
    }

    private static String failedDeliveryOf(Person admin, UUID userId) {
        List<Map<String, Object>> failed = given().auth().oauth2(admin.accessToken()).queryParam("status", "failed")
                .queryParam("limit", 200).get("/api/v1/admin/notification-deliveries").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return failed.stream().filter(item -> userId.toString().equals(item.get("userId")) && "email".equals(item.get("channel")))
                .map(item -> (String) item.get("id")).findFirst().orElse(null);
    }

    private static void choose(Person person, Map<String, Map<String, Boolean>> kinds) {
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of("kinds", kinds))
                .put("/api/v1/notifications/preferences").then().statusCode(200);
    }

    private static AnswerAccepted accepted(UUID labelerId) {
        return new AnswerAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 7, labelerId, REWARD);
    }

    private void publish(DomainEvent event) {
        QuarkusTransaction.requiringNew().run(() -> events.publish(event));
    }

    private static long unread(Person person) {
        return given().auth().oauth2(person.accessToken()).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
    }

    private List<String> channelsOf(UUID userId) throws Exception {
        List<String> channels = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT d.channel FROM notifications.delivery d JOIN notifications.notification n ON n.id = d.notification_id "
                        + "WHERE n.user_id = ? ORDER BY d.channel")) {
            query.setObject(1, userId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    channels.add(rows.getString(1));
                }
            }
        }
        return channels;
    }

    static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(GreenMailResource.server().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<MimeMessage> awaitMail(String email, int count) {
        return await().atMost(PATIENCE).until(() -> mailTo(email), mails -> mails.size() >= count);
    }

    private static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    /** The alternative of that type, wherever the mailer nested it. */
    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find((MimeMultipart) mail.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return GreenMailUtil.getBody(part).isEmpty() ? null : (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart) {
                String nested = find((MimeMultipart) part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
