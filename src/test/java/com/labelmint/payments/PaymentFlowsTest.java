package com.labelmint.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Money through the public API and the answer events: funding, holds, payouts, owed rewards, clawbacks, refunds. */
@QuarkusTest
class PaymentFlowsTest {

    private static final Map<String, String> POSITIVE = Map.of("value", "positive");
    private static final Map<String, String> NEGATIVE = Map.of("value", "negative");

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    LedgerAccounts accounts;

    @Inject
    LedgerInvariants invariants;

    private Person client;

    @BeforeEach
    void aClientWithTenUsdt() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
        client = TestAccounts.signedIn("client");
        deposit(client.id(), "10");
    }

    @Test
    void fundingMovesMoneyOnceAndBadInputMovesNothing() throws Exception {
        UUID project = project(1);
        String key = UUID.randomUUID().toString();

        fund(client, project, key, Map.of("amount", "2.5", "currency", "USDT")).statusCode(200)
                .body("funded.amount", equalTo("2.500000")).body("available.amount", equalTo("2.500000"));
        fund(client, project, key, Map.of("amount", "2.5", "currency", "USDT")).statusCode(200).body("funded.amount", equalTo("2.500000"));
        fund(client, project, key, Map.of("amount", "3", "currency", "USDT")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:transfer-id-reused"));

        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", 2.5, "currency", "USDT")).statusCode(400)
                .contentType("application/problem+json");
        fund(client, project, null, Map.of("amount", "1", "currency", "USDT")).statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:idempotency-key-required"));
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "-1", "currency", "USDT")).statusCode(400);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "0", "currency", "USDT")).statusCode(400);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "0.0000001", "currency", "USDT")).statusCode(400);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "1", "currency", "DOGE")).statusCode(400);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "7.500001", "currency", "USDT")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:insufficient-funds"));
        fund(TestAccounts.signedIn("client"), project, UUID.randomUUID().toString(), Map.of("amount", "1", "currency", "USDT"))
                .statusCode(404);
        fund(TestAccounts.signedIn("labeler"), project, UUID.randomUUID().toString(), Map.of("amount", "1", "currency", "USDT"))
                .statusCode(403);

        wallet(client).body("balances[0].balance.amount", equalTo("7.500000")).body("history.items[0].direction", equalTo("out"))
                .body("history.items[0].reasonId", equalTo(project.toString()));
        given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().statusCode(200).body("funded.amount", equalTo("2.500000"));
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).get(escrowOf(project)).then().statusCode(404);
        assertSound();
    }

    @Test
    void answersAreHeldWhileConsensusDecidesThenPaidLessTheFeeOrReleased() throws Exception {
        UUID project = fundedProject(3);
        QueueFixtures.items(dataSource, project, 1, 3);
        Person first = TestAccounts.signedIn("labeler");
        Person second = TestAccounts.signedIn("labeler");
        Person dissenter = TestAccounts.signedIn("labeler");

        answerNext(first, POSITIVE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wallet(first).body("balances[0].incoming.amount", equalTo("0.100000"))
                .body("balances[0].available.amount", equalTo("0.000000")));
        given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("reserved.amount", equalTo("0.100000"))
                .body("available.amount", equalTo("0.900000"));
        answerNext(second, POSITIVE);
        answerNext(dissenter, NEGATIVE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            wallet(first).body("balances[0].balance.amount", equalTo("0.090000")).body("balances[0].incoming.amount", equalTo("0.000000"));
            wallet(second).body("balances[0].balance.amount", equalTo("0.090000"));
            wallet(dissenter).body("balances[0].balance.amount", equalTo("0.000000")).body("balances[0].incoming.amount", equalTo("0.000000"));
            given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("available.amount", equalTo("0.800000"))
                    .body("reserved.amount", equalTo("0.000000")).body("spent.amount", equalTo("0.200000"));
        });
        wallet(first).body("history.items[0].reasonType", equalTo("answer")).body("history.items[0].direction", equalTo("in"));
        // hold, then its post: two movements, one page each
        String next = given().auth().oauth2(first.accessToken()).queryParam("limit", 1).get("/api/v1/wallet").then().statusCode(200)
                .body("history.items.size()", equalTo(1)).body("history.items[0].kind", equalTo("post-pending"))
                .extract().path("history.next");
        given().auth().oauth2(first.accessToken()).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/wallet").then()
                .statusCode(200).body("history.items[0].kind", equalTo("pending")).body("history.next", equalTo(null));
        given().auth().oauth2(first.accessToken()).queryParam("cursor", "forged").get("/api/v1/wallet").then().statusCode(400);
        // the test profile configures no hot wallet: deposits say so rather than show an address nobody watches
        given().auth().oauth2(first.accessToken()).get("/api/v1/wallet/deposit-address").then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:deposits-unavailable"));
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.RewardPaid' AND payload->>'projectId' = ?",
                project.toString())).isEqualTo(2);
        assertSound();
    }

    @Test
    void rewardsAcceptedWhileTheEscrowIsShortAreOwedAndPaidWhenTheClientFundsTheProject() throws Exception {
        UUID project = project(1);
        QueueFixtures.items(dataSource, project, 2, 1);
        Person labeler = TestAccounts.signedIn("labeler");
        answerNext(labeler, POSITIVE);
        answerNext(labeler, POSITIVE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(client.accessToken()).get(escrowOf(project))
                .then().body("answersOwed", equalTo(2)).body("owed.amount", equalTo("0.200000")));
        wallet(labeler).body("balances[0].balance.amount", equalTo("0.000000"));

        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "0.3", "currency", "USDT")).statusCode(200)
                .body("answersOwed", equalTo(0)).body("available.amount", equalTo("0.100000"));
        wallet(labeler).body("balances[0].balance.amount", equalTo("0.180000"));
        assertSound();
    }

    /**
     * Closing gives the escrow back, but a reward still owed was earned while the project was open: the client pays it
     * from their balance (here from the very money closing gave back), and does so only once.
     */
    @Test
    void rewardsStillOwedWhenTheProjectClosesArePaidFromTheClientsBalance() throws Exception {
        UUID project = project(1);
        Person labeler = oneRewardPaidAndOneOwed(project);

        ProjectFixtures.moveTo(client, project, "completed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            wallet(labeler).body("balances[0].balance.amount", equalTo("0.180000"));
            wallet(client).body("balances[0].balance.amount", equalTo("9.800000"));
            given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("answersOwed", equalTo(0))
                    .body("available.amount", equalTo("0.000000"));
        });
        ProjectFixtures.moveTo(client, project, "archived");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM platform.outbox_event WHERE type = 'projects.ProjectStatusChanged' AND payload->>'projectId' = ? "
                        + "AND status = 'DELIVERED'", project.toString()) == 3);
        wallet(client).body("balances[0].balance.amount", equalTo("9.800000"));
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.RewardPaid' AND payload->>'projectId' = ?",
                project.toString())).isEqualTo(2);
        assertSound();
    }

    @Test
    void aClientWithNothingLeftWhenTheProjectClosesStillOwesTheReward() throws Exception {
        UUID project = project(1);
        Person labeler = oneRewardPaidAndOneOwed(project);
        move(client.id(), "9.85");

        ProjectFixtures.moveTo(client, project, "completed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wallet(client).body("balances[0].balance.amount", equalTo("0.050000")));
        given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("answersOwed", equalTo(1))
                .body("owed.amount", equalTo("0.100000"));
        wallet(labeler).body("balances[0].balance.amount", equalTo("0.090000"));
        assertSound();
    }

    @Test
    void aDisputeThatTurnsPaidAnswersTakesTheirRewardsBackNeverBelowZero() throws Exception {
        UUID project = fundedProject(2);
        long item = QueueFixtures.items(dataSource, project, 1, 2).get(0);
        Person keeper = TestAccounts.signedIn("labeler");
        Person spender = TestAccounts.signedIn("labeler");
        answerNext(keeper, POSITIVE);
        answerNext(spender, POSITIVE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wallet(spender).body("balances[0].balance.amount", equalTo("0.090000")));
        // the spender's money left before the dispute, as a withdrawal would take it
        move(spender.id(), "0.05");

        Person admin = TestAccounts.admin(dataSource);
        String dispute = given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("itemId", item, "reason", "Plainly negative")).post("/api/v1/disputes").then().statusCode(200)
                .extract().path("id");
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "upheld", "note", "Negative", "label", NEGATIVE))
                .post("/api/v1/disputes/" + dispute + "/resolution").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            wallet(keeper).body("balances[0].balance.amount", equalTo("0.000000"));
            wallet(spender).body("balances[0].balance.amount", equalTo("0.000000"));
            given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("available.amount", equalTo("0.950000"));
        });
        assertThat(count("SELECT amount FROM payments.clawback_shortfall WHERE labeler_id = ?", spender.id())).isEqualTo(50_000);
        assertThat(count("SELECT count(*) FROM payments.clawback_shortfall WHERE labeler_id = ?", keeper.id())).isZero();
        assertSound();
    }

    @Test
    void aCompletedProjectGivesItsUnspentEscrowBackOnce() throws Exception {
        UUID project = project(1);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "4", "currency", "USDT")).statusCode(200);
        ProjectFixtures.moveTo(client, project, "completed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wallet(client).body("balances[0].balance.amount", equalTo("10.000000")));
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "1", "currency", "USDT")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:project-closed"));
        ProjectFixtures.moveTo(client, project, "archived");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM platform.outbox_event WHERE type = 'projects.ProjectStatusChanged' AND payload->>'projectId' = ? "
                        + "AND status = 'DELIVERED'", project.toString()) == 3);
        wallet(client).body("balances[0].balance.amount", equalTo("10.000000"));
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.EscrowReturned' AND payload->>'projectId' = ?",
                project.toString())).isEqualTo(1);
        assertSound();
    }

    @Test
    void holdsReleasedAfterTheProjectClosedGoBackToTheClientToo() throws Exception {
        UUID project = fundedProject(3);
        long item = QueueFixtures.items(dataSource, project, 1, 3).get(0);
        Person agreeing = TestAccounts.signedIn("labeler");
        Person second = TestAccounts.signedIn("labeler");
        Person third = TestAccounts.signedIn("labeler");
        // three different answers at the most answers the project takes: the item waits for review, its rewards held
        answerNext(agreeing, POSITIVE);
        answerNext(second, NEGATIVE);
        answerNext(third, Map.of("value", "neutral"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM consensus.item WHERE id = ? AND state = 'review'", item) == 1);

        ProjectFixtures.moveTo(client, project, "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wallet(client).body("balances[0].balance.amount", equalTo("9.700000")));
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON).body(Map.of("label", POSITIVE))
                .post("/api/v1/reviews/" + item).then().statusCode(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            wallet(client).body("balances[0].balance.amount", equalTo("9.900000"));
            wallet(agreeing).body("balances[0].balance.amount", equalTo("0.090000"));
            given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("available.amount", equalTo("0.000000"))
                    .body("reserved.amount", equalTo("0.000000"));
        });
        wallet(second).body("balances[0].balance.amount", equalTo("0.000000")).body("balances[0].incoming.amount", equalTo("0.000000"));
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.EscrowReturned' AND payload->>'projectId' = ?",
                project.toString())).as("at closing, and once per released hold").isEqualTo(3);
        assertSound();
    }

    /** Funds the project with 0.15 USDT and has a labeler answer two items: one reward paid, the other owed. */
    private Person oneRewardPaidAndOneOwed(UUID project) throws Exception {
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "0.15", "currency", "USDT")).statusCode(200);
        QueueFixtures.items(dataSource, project, 2, 1);
        Person labeler = TestAccounts.signedIn("labeler");
        answerNext(labeler, POSITIVE);
        answerNext(labeler, POSITIVE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth().oauth2(client.accessToken()).get(escrowOf(project)).then().body("answersOwed", equalTo(1))
                    .body("available.amount", equalTo("0.050000"));
            wallet(labeler).body("balances[0].balance.amount", equalTo("0.090000"));
        });
        return labeler;
    }

    /** An active project of that overlap, funded with 1 USDT: ten answers' rewards. */
    private UUID fundedProject(int overlap) {
        UUID project = project(overlap);
        fund(client, project, UUID.randomUUID().toString(), Map.of("amount", "1", "currency", "USDT")).statusCode(200);
        return project;
    }

    private UUID project(int overlap) {
        UUID project = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of("overlap", overlap, "maxOverlap", overlap,
                "goldRate", 0, "aggregation", "mv", "acceptanceThreshold", 0.6, "rewardPerAnswer", Map.of("amount", "0.1", "currency", "USDT")));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        return project;
    }

    private static String escrowOf(UUID project) {
        return "/api/v1/projects/" + project + "/escrow";
    }

    private static ValidatableResponse fund(Person person, UUID project, String key, Map<String, ?> amount) {
        var request = given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(amount);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(escrowOf(project) + "/fundings").then();
    }

    private static ValidatableResponse wallet(Person person) {
        return given().auth().oauth2(person.accessToken()).get("/api/v1/wallet").then().statusCode(200);
    }

    private static void answerNext(Person labeler, Map<String, String> answer) {
        String lease = given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then().statusCode(200)
                .extract().path("leaseId");
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("answer", answer))
                .post("/api/v1/tasks/" + lease + "/answer").then().statusCode(200);
    }

    private void deposit(UUID userId, String amount) {
        HotWalletMoney.deposit(dataSource, accounts, ledger, userId, amount);
    }

    /** Money leaving the person's balance, as a withdrawal would take it. */
    private void move(UUID userId, String amount) {
        HotWalletMoney.withdraw(dataSource, accounts, ledger, userId, amount);
    }

    private void assertSound() {
        List<String> violations = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return invariants.violations(connection);
            }
        });
        assertThat(violations).isEmpty();
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
