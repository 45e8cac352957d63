package com.labelmint.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.notifications.webhook.WebhookEventType;
import com.labelmint.notifications.webhook.WebhookQueue;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.tasks.api.ItemsImported;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client webhooks against a local receiver (WireMock speaking plain HTTP): signed deliveries retried until accepted,
 * the delivery log, redelivery, redirects not followed, the budget-low event, and other people's projects.
 */
@QuarkusTest
class WebhooksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EventPublisher events;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookQueue queue;

    private WireMockServer receiver;
    private Person client;
    private UUID project;

    @BeforeEach
    void aClientsProjectAndAReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        client = TestAccounts.signedIn("client");
        project = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of("rewardPerAnswer",
                Map.of("amount", "0.5", "currency", "USDT"), "overlap", 1));
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop();
    }

    @Test
    void aReceiverThatFailsTwiceGetsThreeSignedAttemptsAndCanAskForARedelivery() throws Exception {
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        JsonPath webhook = register("/hook", List.of("item.completed"));
        String secret = webhook.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String webhookId = webhook.getString("id");

        ItemLabelled labelled = new ItemLabelled(UUID.randomUUID(), Instant.now(), project, 42,
                JsonNodeFactory.instance.objectNode().put("value", "positive"), 0.93, "ds", 3, null, false);
        publish(labelled);

        await().atMost(PATIENCE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() == 3);
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        for (LoggedRequest request : requests) {
            assertThat(verifySignature(request, secret)).as("signature of " + request.getHeader("X-LabelMint-Signature")).isTrue();
            assertThat(verifySignature(request, "whsec_someone-elses")).isFalse();
        }
        var body = json.readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("id").asText()).isEqualTo(labelled.eventId().toString());
        assertThat(body.get("type").asText()).isEqualTo("item.completed");
        assertThat(body.get("projectId").asText()).isEqualTo(project.toString());
        assertThat(body.at("/data/itemId").asLong()).isEqualTo(42);
        assertThat(body.at("/data/label/value").asText()).isEqualTo("positive");
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.get(0).getBodyAsString());

        JsonPath log = await().atMost(PATIENCE).until(() -> deliveries(webhookId), page -> "succeeded".equals(page.getString("[0].status")));
        assertThat(log.getList("")).hasSize(1);
        assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        assertThat(log.getList("[0].attemptLog.statusCode")).containsExactly(500, 503, 200);
        assertThat(log.getInt("[0].lastStatusCode")).isEqualTo(200);

        // the same event queued again (a listener run twice) is the same delivery
        QuarkusTransaction.requiringNew().run(() -> enqueueAgain(labelled));
        Thread.sleep(1_000);
        assertThat(deliveries(webhookId).getList("")).hasSize(1);

        String deliveryId = log.getString("[0].id");
        String redelivery = given().auth().oauth2(client.accessToken())
                .post("/api/v1/projects/" + project + "/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redelivery")
                .then().statusCode(202).extract().jsonPath().getString("redeliveryOf");
        assertThat(redelivery).isEqualTo(deliveryId);
        await().atMost(PATIENCE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() == 4);
        LoggedRequest replayed = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(3);
        assertThat(replayed.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(verifySignature(replayed, secret)).isTrue();
        await().atMost(PATIENCE).until(() -> deliveries(webhookId).getList("status"), statuses -> statuses.equals(
                List.of("succeeded", "succeeded")));
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() throws Exception {
        receiver.stubFor(post("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", receiver.baseUrl() + "/elsewhere")));
        String webhookId = register("/moved", List.of("item.completed")).getString("id");
        publish(new ItemLabelled(UUID.randomUUID(), Instant.now(), project, 43,
                JsonNodeFactory.instance.objectNode().put("value", "negative"), 0.9, "mv", 3, null, false));

        JsonPath log = await().atMost(PATIENCE).until(() -> deliveries(webhookId), page -> page.getInt("[0].attempts") >= 2);
        assertThat(log.getString("[0].status")).isEqualTo("pending");
        assertThat(log.getList("[0].attemptLog.statusCode")).containsOnly(302);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
    }

    @Test
    void theClientHearsOnceWhenTheBudgetFallsBelowTheRemainingWork() throws Exception {
        receiver.stubFor(post("/budget").willReturn(aResponse().withStatus(204)));
        String webhookId = register("/budget", List.of("budget.low")).getString("id");
        publish(new ItemsImported(UUID.randomUUID(), Instant.now(), project, UUID.randomUUID(), 10, 0));
        // an escrow that was never funded cannot pay the ten answers still to come
        publish(rewardPaid());
        publish(rewardPaid());

        await().atMost(PATIENCE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/budget"))).size() == 1);
        var body = json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/budget"))).get(0).getBodyAsString());
        assertThat(body.get("type").asText()).isEqualTo("budget.low");
        assertThat(body.at("/data/needed").asText()).isEqualTo("5.000000");
        assertThat(body.at("/data/remainingAnswers").asLong()).isEqualTo(10);
        await().atMost(PATIENCE).until(() -> QueueFixtures.count(dataSource,
                "SELECT count(*) FROM notifications.notification WHERE user_id = ? AND kind = 'budget-low'", client.id()) == 1);
        Thread.sleep(1_000);
        assertThat(deliveries(webhookId).getList("")).hasSize(1);
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM notifications.notification WHERE user_id = ? AND kind = 'budget-low'", client.id())).isEqualTo(1);
    }

    @Test
    void onlyTheProjectsOwnerSeesAndChangesItsWebhooks() {
        String webhookId = register("/hook", List.of("project.completed")).getString("id");
        Person otherClient = TestAccounts.signedIn("client");
        Person labeler = TestAccounts.signedIn("labeler");
        String base = "/api/v1/projects/" + project + "/webhooks";

        given().auth().oauth2(otherClient.accessToken()).get(base).then().statusCode(404);
        given().auth().oauth2(otherClient.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.baseUrl() + "/steal", "events", List.of("answer.submitted"))).post(base).then().statusCode(404);
        given().auth().oauth2(otherClient.accessToken()).delete(base + "/" + webhookId).then().statusCode(404);
        given().auth().oauth2(otherClient.accessToken()).get(base + "/" + webhookId + "/deliveries").then().statusCode(404);
        given().auth().oauth2(labeler.accessToken()).get(base).then().statusCode(403);
        given().get(base).then().statusCode(401);

        // the owner's other project does not reach this project's webhook either
        UUID otherProject = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of());
        given().auth().oauth2(client.accessToken()).delete("/api/v1/projects/" + otherProject + "/webhooks/" + webhookId)
                .then().statusCode(404);

        JsonPath listed = given().auth().oauth2(client.accessToken()).get(base).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("id")).containsExactly(webhookId);
        assertThat(listed.getString("[0].secret")).isNull();
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.baseUrl() + "/hook", "events", List.of("item.exploded"))).post(base)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://files.example.org/hook", "events", List.of("item.completed"))).post(base)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(client.accessToken()).delete(base + "/" + webhookId).then().statusCode(204);
        assertThat(given().auth().oauth2(client.accessToken()).get(base).then().statusCode(200).extract().jsonPath().getList(""))
                .isEmpty();
    }

    private RewardPaid rewardPaid() {
        return new RewardPaid(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), project, UUID.randomUUID(),
                Money.parse("0.45", Currency.USDT), Money.parse("0.05", Currency.USDT));
    }

    private JsonPath register(String path, List<String> eventTypes) {
        return given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.baseUrl() + path, "events", eventTypes))
                .post("/api/v1/projects/" + project + "/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath deliveries(String webhookId) {
        return given().auth().oauth2(client.accessToken()).get("/api/v1/projects/" + project + "/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private void enqueueAgain(ItemLabelled labelled) {
        try {
            queue.enqueue(labelled.projectId(), WebhookEventType.ITEM_COMPLETED, labelled.eventId(), labelled.occurredAt(),
                    queue.data().put("itemId", labelled.itemId()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(DomainEvent event) {
        QuarkusTransaction.requiringNew().run(() -> events.publish(event));
    }

    /** What a receiver does with the documented scheme: HMAC-SHA256 of "t.body" under the secret, compared with v1. */
    private static boolean verifySignature(LoggedRequest request, String secret) throws Exception {
        String header = request.getHeader("X-LabelMint-Signature");
        String timestamp = header.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
        String signature = header.substring(header.indexOf("v1=") + 3);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.getBodyAsString())
                .getBytes(StandardCharsets.UTF_8)));
        return expected.equals(signature);
    }
}
