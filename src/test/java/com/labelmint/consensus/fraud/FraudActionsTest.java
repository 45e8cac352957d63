package com.labelmint.consensus.fraud;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a project's fraud action does to a flagged labeler, through the real queue and event bus: a cheat who fails
 * three gold items in a row (each has the known answer "negative") is warned, excluded, or excluded and put before
 * the admins.
 */
@QuarkusTest
class FraudActionsTest {

    private static final Map<String, String> POSITIVE = Map.of("value", "positive");
    private static final Map<String, String> NEGATIVE = Map.of("value", "negative");

    @Inject
    DataSource dataSource;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void aWarnedLabelerKeepsGettingTheProjectsTasks() throws Exception {
        UUID project = activeProject("warn");
        QueueFixtures.goldItems(dataSource, project, 4, "{\"value\": \"negative\"}");
        Person cheat = TestAccounts.signedIn("labeler");

        failThreeGoldItems(cheat);

        awaitFlag(project, cheat, "warn");
        next(cheat).statusCode(200).body("project.id", equalTo(project.toString()));
        assertThat(count("SELECT count(*) FROM tasks.exclusion WHERE labeler_id = ?", cheat.id())).isZero();
    }

    /**
     * Overlap 2: the cheat's answer on the one regular item is pending when they are excluded. It becomes void, the
     * item takes a third answer, and the two honest labelers decide it.
     */
    @Test
    void anExcludedLabelerGetsNoMoreTasksAndTheirPendingAnswersAreReplacedByOthers() throws Exception {
        UUID project = activeProject("exclude");
        long item = QueueFixtures.items(dataSource, project, 1, 2).get(0);
        QueueFixtures.goldItems(dataSource, project, 4, "{\"value\": \"negative\"}");
        Person cheat = TestAccounts.signedIn("labeler");
        String cheatsAnswer = answerNext(cheat, POSITIVE);

        failThreeGoldItems(cheat);

        awaitFlag(project, cheat, "exclude");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM tasks.exclusion WHERE labeler_id = ? AND project_id = ?", cheat.id(), project) == 1);
        next(cheat).statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM consensus.answer WHERE id = ?::uuid AND verdict = 'void'", cheatsAnswer) == 1);

        Person first = TestAccounts.signedIn("labeler");
        Person second = TestAccounts.signedIn("labeler");
        answerNext(first, NEGATIVE);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM tasks.item WHERE id = ? AND answers_needed = 3 AND state = 'open'", item) == 1);
        answerNext(second, NEGATIVE);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM tasks.item WHERE id = ? AND label->>'value' = 'negative'", item) == 1);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE item_id = ? AND verdict = 'accepted'", item)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerAccepted' AND payload->>'answerId' = ?",
                cheatsAnswer)).isZero();
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerRejected' AND payload->>'answerId' = ?"
                + " AND payload->>'reason' LIKE 'Not counted%'", cheatsAnswer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.ItemLabelled' AND payload->>'itemId' = ?"
                + " AND payload->>'answers' = '2'", Long.toString(item))).isEqualTo(1);
    }

    @Test
    void banRequestsExcludeTheLabelerAndAreListedNewestFirstForAdminsOnly() throws Exception {
        UUID project = activeProject("request_ban");
        QueueFixtures.goldItems(dataSource, project, 3, "{\"value\": \"negative\"}");
        Person earlier = TestAccounts.signedIn("labeler");
        failThreeGoldItems(earlier);
        awaitFlag(project, earlier, "request_ban");
        Person later = TestAccounts.signedIn("labeler");
        failThreeGoldItems(later);
        awaitFlag(project, later, "request_ban");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM tasks.exclusion WHERE labeler_id = ? AND project_id = ?", later.id(), project) == 1);
        Person admin = TestAccounts.admin(dataSource);
        String next = flags(admin, Map.of("limit", 1)).statusCode(200).body("items.labelerId", contains(later.id().toString()))
                .body("items[0].projectId", equalTo(project.toString())).body("items[0].action", equalTo("request_ban"))
                .body("items[0].signals", contains("failed-gold-streak")).extract().jsonPath().getString("next");
        flags(admin, Map.of("limit", 1, "after", next)).statusCode(200).body("items.labelerId", contains(earlier.id().toString()));
        flags(admin, Map.of("action", "exclude")).statusCode(200).body("items.labelerId", not(hasItem(later.id().toString())));
        flags(admin, Map.of("action", "ban_everyone")).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:unknown-fraud-action"));
        flags(later, Map.of()).statusCode(403);
        flags(TestAccounts.signedIn("client"), Map.of()).statusCode(403);
        given().get("/api/v1/admin/fraud-flags").then().statusCode(401);
    }

    private static ValidatableResponse flags(Person caller, Map<String, ?> query) {
        return given().auth().oauth2(caller.accessToken()).queryParams(query).get("/api/v1/admin/fraud-flags").then();
    }

    private UUID activeProject(String fraudAction) {
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(),
                Map.of("overlap", 2, "maxOverlap", 2, "aggregation", "mv", "goldRate", 0, "fraudAction", fraudAction));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        return project;
    }

    /** Regular items come first at gold rate 0: these are gold once the labeler has none left. */
    private void failThreeGoldItems(Person cheat) {
        for (int i = 0; i < 3; i++) {
            answerNext(cheat, POSITIVE);
        }
    }

    private void awaitFlag(UUID project, Person labeler, String action) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.LabelerFlagged'"
                + " AND payload->>'projectId' = ? AND payload->>'labelerId' = ? AND payload->>'action' = ?",
                project.toString(), labeler.id().toString(), action) == 1);
    }

    /** Takes the labeler's next task and answers it; the answer's id. */
    private static String answerNext(Person labeler, Map<String, String> answer) {
        String lease = next(labeler).statusCode(200).extract().jsonPath().getString("leaseId");
        return given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("answer", answer))
                .post("/api/v1/tasks/" + lease + "/answer").then().statusCode(200).extract().jsonPath().getString("answerId");
    }

    private static ValidatableResponse next(Person labeler) {
        return given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then();
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
