package com.labelmint.payments.reward.process;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.payments.HotWalletMoney;
import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rewards across kill -9 of the packaged application. Labelers answer every item of a funded project on an instance
 * whose relay is off, so that all the answers' events wait in the outbox; instances with the relay on then decide the
 * items and pay the accepted answers in one burst, and are killed at random moments while they do. After the last
 * restart every accepted answer has been paid exactly once, no rejected one at all, to the base unit, and the ledger
 * is sound.
 */
class PayoutCrashIT {

    private static final int ITEMS = 120;
    private static final int OVERLAP = 3;
    private static final int LABELERS = 6;
    /** Every this many items, the item's first labeler answers against the other two: a 2–1 item, one answer rejected. */
    private static final int DISSENT_EVERY = 4;
    private static final String REWARD = "0.123457";
    private static final String FEE_PERCENT = "12.5";
    private static final String FUNDING = "80";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    /** Reward transfers into a labeler's balance: a held reward posted, or one paid straight from escrow. */
    private static final String REWARD_TRANSFERS = """
            SELECT count(*) FROM payments.transfer t JOIN payments.account a ON a.id = t.credit_account_id
            WHERE t.reason_type = 'answer' AND a.kind = 'user' AND t.kind IN ('post-pending', 'posted')""";
    private static final String REWARD_TRANSFERS_BY_ANSWER = """
            SELECT t.reason_id, count(*) FROM payments.transfer t JOIN payments.account a ON a.id = t.credit_account_id
            WHERE t.reason_type = 'answer' AND a.kind = 'user' AND t.kind IN ('post-pending', 'posted') GROUP BY t.reason_id""";
    private static final String UNDELIVERED = "SELECT count(*) FROM platform.outbox_event WHERE status IN ('PENDING', 'SENT')";
    private static final String UNDELIVERED_ACCEPTANCES = UNDELIVERED + " AND type = 'consensus.AnswerAccepted'";

    private static TestDatabase database;

    /** An answer as the test gave it: whose, and whether consensus must accept it. */
    private record GivenAnswer(UUID labelerId, boolean accepted) {
    }

    @BeforeAll
    static void aFreshDatabase() {
        database = TestDatabase.recreate("labelmint_it_payout_crash");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aBurstOfPayoutsSurvivesKillsAtRandomMomentsAndPaysEachAcceptedAnswerOnce() throws Exception {
        int kills = Integer.getInteger("labelmint.it.payout-kills", 3); // each kill costs a start-up, ~10-20 s
        long seed = Long.getLong("labelmint.it.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("PayoutCrashIT: seed %d (rerun with -Dlabelmint.it.seed=%d)%n", seed, seed);

        Person client;
        UUID project;
        try (AppProcess setUp = start("payout-setup", true)) {
            client = TestAccounts.signedIn("client");
            HotWalletMoney.deposit(database, client.id(), "100");
            project = fundedProjectWithItems(client, setUp);
            awaitNone(UNDELIVERED, setUp); // the queue's copy of the project, the import, the funding: all settled
        }
        Map<UUID, GivenAnswer> answers;
        try (AppProcess answering = start("payout-answers", false)) {
            answers = everyItemAnswered(labelers());
            answering.kill(); // every answer and its events are committed; none of them delivered
        }
        long accepted = answers.values().stream().filter(GivenAnswer::accepted).count();
        assertThat(answers).hasSize(ITEMS * OVERLAP);
        assertThat(accepted).isEqualTo(ITEMS * OVERLAP - ITEMS / DISSENT_EVERY);
        assertThat(database.queryLong(REWARD_TRANSFERS)).as("no decision yet: the relay was off").isZero();

        AppProcess app = start("payout-deliver-0", true);
        try {
            long paidAtLastKill = 0;
            for (int kill = 1; kill <= kills; kill++) {
                // kill k in the k-th of kills+1 equal bands of the payouts, at a random place within it
                long target = Math.max(paidAtLastKill + 1,
                        Math.round(accepted * (kill - 0.4 + 0.8 * random.nextDouble()) / (kills + 1)));
                awaitAtLeast(REWARD_TRANSFERS, target, app);
                app.kill();
                // what the dead process sent last may still commit: count once the server is done with it
                database.awaitNoApplicationConnections(Duration.ofSeconds(10));
                long paid = database.queryLong(REWARD_TRANSFERS);
                long acceptancesWaiting = database.queryLong(UNDELIVERED_ACCEPTANCES);
                System.out.printf("PayoutCrashIT: kill %d at %d of %d payouts (target %d); %d acceptances undelivered%n",
                        kill, paid, accepted, target, acceptancesWaiting);
                // the proof that the kill cut into payouts in flight: this instance paid some (the count grew since the
                // last kill) and the ones left are the next instance's to pay
                assertThat(paid).as("payouts made before kill %d", kill).isGreaterThan(paidAtLastKill).isLessThan(accepted);
                paidAtLastKill = paid;
                app = start("payout-deliver-" + kill, true);
            }
            awaitAtLeast(REWARD_TRANSFERS, accepted, app);
            awaitNone(UNDELIVERED, app);
        } finally {
            app.close();
        }
        assertEachAcceptedAnswerPaidOnce(answers, client, project);
    }

    private static AppProcess start(String name, boolean relay) {
        Map<String, String> env = new HashMap<>();
        env.put("LABELMINT_EVENTS_RELAY_ENABLED", Boolean.toString(relay));
        env.put("LABELMINT_PAYMENTS_FEE_PERCENT", FEE_PERCENT);
        env.put("LABELMINT_PAYMENTS_RECONCILIATION_INTERVAL", "off");
        env.put("LABELMINT_RATE_LIMIT_ENABLED", "false"); // six labelers answer as fast as they can: limits are not the subject
        // notifications of the payouts are not this test's subject: sending them (once an hour, to a mock mailer)
        // would only compete for the CPU
        env.put("LABELMINT_NOTIFICATIONS_DELIVERY_POLL_INTERVAL", "1h");
        env.put("QUARKUS_MAILER_MOCK", "true");
        return AppProcess.start(name, database.jdbcUrl(), env).asRestAssuredTarget();
    }

    /** An active project open to everyone, its items imported and its escrow funded, all through the API. */
    private static UUID fundedProjectWithItems(Person client, AppProcess app) throws InterruptedException {
        UUID project = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of("overlap", OVERLAP,
                "maxOverlap", OVERLAP, "goldRate", 0, "aggregation", "mv", "acceptanceThreshold", 0.6, "fraudAction", "warn",
                "rewardPerAnswer", Map.of("amount", REWARD, "currency", "USDT")));
        awaitAtLeast("SELECT count(*) FROM tasks.project WHERE status = 'active'", 1, app);
        // the text names the item's number and its true label, which the labelers read
        String lines = IntStream.range(0, ITEMS).mapToObj(i -> "{\"id\": \"r-" + i + "\", \"data\": {\"text\": \"" + i + " "
                + (i % 2 == 0 ? "positive" : "negative") + "\"}}\n").collect(Collectors.joining());
        ImportFixtures.imported(client, project, ImportFixtures.JSON_LINES, lines).body("status", equalTo("succeeded"));
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", FUNDING, "currency", "USDT")).post("/api/v1/projects/" + project + "/escrow/fundings")
                .then().statusCode(200);
        return project;
    }

    private static List<Person> labelers() {
        return IntStream.range(0, LABELERS).mapToObj(i -> TestAccounts.signedIn("labeler")).toList();
    }

    /**
     * The labelers answer on threads of their own until the queue has nothing left for them: the true label, except
     * the first of an item's labelers on every {@link #DISSENT_EVERY}-th item. The answers by id.
     */
    private static Map<UUID, GivenAnswer> everyItemAnswered(List<Person> labelers) throws Exception {
        Set<Long> dissented = ConcurrentHashMap.newKeySet();
        Map<UUID, GivenAnswer> answers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(labelers.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Person labeler : labelers) {
                done.add(threads.submit(() -> {
                    Response task = given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next");
                    JsonPath next = task.statusCode() == 200 ? task.jsonPath() : null;
                    String prefix = "";
                    while (next != null) {
                        long item = next.getLong(prefix + "item.id");
                        String[] text = next.getString(prefix + "item.data.text").split(" ");
                        boolean dissent = Integer.parseInt(text[0]) % DISSENT_EVERY == 0 && dissented.add(item);
                        String value = dissent ? ("positive".equals(text[1]) ? "negative" : "positive") : text[1];
                        JsonPath receipt = given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                                .body(Map.of("answer", Map.of("value", value))).queryParam("next", true)
                                .post("/api/v1/tasks/" + next.getString(prefix + "leaseId") + "/answer")
                                .then().statusCode(200).extract().jsonPath();
                        answers.put(UUID.fromString(receipt.getString("answerId")), new GivenAnswer(labeler.id(), !dissent));
                        next = receipt.get("next") == null ? null : receipt;
                        prefix = "next.";
                    }
                    return null;
                }));
            }
            for (Future<?> labeler : done) {
                labeler.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return answers;
    }

    private void assertEachAcceptedAnswerPaidOnce(Map<UUID, GivenAnswer> answers, Person client, UUID project) throws SQLException {
        long gross = new BigDecimal(REWARD).movePointRight(6).longValueExact();
        long fee = BigDecimal.valueOf(gross).multiply(new BigDecimal(FEE_PERCENT)).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .longValueExact();
        Map<UUID, Long> oncePerAcceptedAnswer = answers.entrySet().stream().filter(answer -> answer.getValue().accepted())
                .collect(Collectors.toMap(Map.Entry::getKey, answer -> 1L));
        Map<UUID, Long> expectedBalances = answers.values().stream().collect(Collectors.groupingBy(GivenAnswer::labelerId,
                Collectors.summingLong(answer -> answer.accepted() ? gross - fee : 0)));
        long accepted = oncePerAcceptedAnswer.size();
        try (Connection connection = database.connect()) {
            assertThat(countsByUuid(connection, REWARD_TRANSFERS_BY_ANSWER))
                    .as("one reward transfer per accepted answer, none for a rejected one").isEqualTo(oncePerAcceptedAnswer);
            assertThat(countsByUuid(connection, "SELECT id, count(*) FROM consensus.answer WHERE verdict = 'accepted' GROUP BY id"))
                    .as("consensus accepted the answers the labelers meant it to").isEqualTo(oncePerAcceptedAnswer);
            assertThat(countsByUuid(connection, "SELECT owner_id, credits_posted - debits_posted FROM payments.account "
                    + "WHERE kind = 'user' AND owner_id <> ?", client.id()))
                    .as("each labeler's balance: the sum of their rewards less the fee").isEqualTo(expectedBalances);
            assertThat(new LedgerInvariants().violations(connection)).as("sum zero per currency, totals, limits").isEmpty();
        }
        assertThat(database.queryLong("SELECT credits_posted - debits_posted FROM payments.account WHERE kind = 'platform-fees'"))
                .isEqualTo(accepted * fee);
        long funded = new BigDecimal(FUNDING).movePointRight(6).longValueExact();
        assertThat(database.queryLong("SELECT credits_posted - debits_posted FROM payments.account WHERE kind = 'project-escrow' "
                + "AND owner_id = ?", project)).as("the escrow less exactly what was paid").isEqualTo(funded - accepted * gross);
        assertThat(database.queryLong("SELECT count(*) FROM payments.account WHERE debits_pending <> 0 OR credits_pending <> 0"))
                .as("every hold settled: posted when accepted, voided when rejected").isZero();
        assertThat(database.queryLong("SELECT count(*) FROM payments.answer_reward WHERE state = 'paid' AND times_paid = 1"))
                .isEqualTo(accepted);
        assertThat(database.queryLong("SELECT count(*) FROM platform.outbox_event WHERE type = 'payments.RewardPaid'"))
                .as("one RewardPaid per accepted answer").isEqualTo(accepted);
        assertThat(database.queryLong("SELECT count(*) FROM platform.outbox_event WHERE status IN ('FAILED', 'DEAD')"))
                .as("no delivery left failed").isZero();
    }

    /** A query's rows of (id, number) as a map. */
    private static Map<UUID, Long> countsByUuid(Connection connection, String sql, Object... parameters) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getObject(1, UUID.class), row.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void awaitAtLeast(String countQuery, long expected, AppProcess app) throws InterruptedException {
        await(() -> database.queryLong(countQuery) >= expected, countQuery + " reaches " + expected, app);
    }

    private static void awaitNone(String countQuery, AppProcess app) throws InterruptedException {
        await(() -> database.queryLong(countQuery) == 0, countQuery + " counts none", app);
    }

    /** Polls often: a kill is meant to land close to the count it waited for. */
    private static void await(BooleanSupplier condition, String what, AppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            app.assertAlive();
            assertThat(deadline - System.nanoTime()).as("%s within %s", what, SETTLE_TIMEOUT).isPositive();
            Thread.sleep(20);
        }
    }
}
