package com.labelmint.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.queue.LeaseSweeper;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LabelingLoopTest {

    private static final Map<String, String> POSITIVE = Map.of("value", "positive");

    @Inject
    DataSource dataSource;

    @Inject
    LeaseSweeper sweeper;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void labelersTakeAnswerAndMoveOnUntilEveryItemHasItsAnswers() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 2, "goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        List<Long> items = QueueFixtures.items(dataSource, project, 3, 2);
        Person first = TestAccounts.signedIn("labeler");
        Person second = TestAccounts.signedIn("labeler");

        JsonPath task = next(first).statusCode(200).body("project.id", equalTo(project.toString()))
                .body("project.label.type", equalTo("single_choice")).body("item.data.text", notNullValue())
                .extract().jsonPath();
        assertThat(task.getLong("item.id")).isEqualTo(items.get(0));
        assertThat(task.getMap("item")).doesNotContainKeys("gold", "goldAnswer");
        next(first).statusCode(200).body("leaseId", equalTo(task.getString("leaseId")));

        Set<Long> seenByFirst = new HashSet<>();
        String lease = task.getString("leaseId");
        while (lease != null) {
            JsonPath receipt = answer(first, lease, POSITIVE, true).statusCode(200).extract().jsonPath();
            seenByFirst.add(receipt.getLong("itemId"));
            lease = receipt.getString("next.leaseId");
        }
        assertThat(seenByFirst).containsExactlyInAnyOrderElementsOf(items);

        for (int i = 0; i < 3; i++) {
            answer(second, next(second).statusCode(200).extract().jsonPath().getString("leaseId"), POSITIVE, false).statusCode(200);
        }
        next(second).statusCode(204).header("Retry-After", "30");
        JsonPath history = given().auth().oauth2(second.accessToken()).queryParam("limit", 2).get("/api/v1/tasks/answers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.itemId", Long.class)).hasSize(2).doesNotHaveDuplicates();
        assertThat(given().auth().oauth2(second.accessToken()).queryParam("after", history.getString("next")).get("/api/v1/tasks/answers")
                .then().statusCode(200).extract().jsonPath().getList("items.itemId", Long.class)).hasSize(1);
        assertThat(given().auth().oauth2(TestAccounts.signedIn("labeler").accessToken()).get("/api/v1/tasks/answers")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.item WHERE project_id = ? AND state = 'complete'", project))
                .isEqualTo(3);
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM platform.outbox_event WHERE type = 'tasks.ItemFullyAnswered' AND payload->>'projectId' = ?",
                project.toString())).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(owner.accessToken()).get("/api/v1/projects/" + project + "/progress").then().statusCode(200)
                        .body("answers", equalTo(6)).body("itemsAnswered", equalTo(3)).body("itemsLabelled", equalTo(3)));
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM tasks.item WHERE project_id = ? AND label->>'value' = 'positive' AND label_method = 'ds'", project))
                .isEqualTo(3);
    }

    /** Overlap 2 up to 3, sure at 0.6 by majority vote: a 1–1 split needs a third answer, which settles it 2–1. */
    @Test
    void consensusAsksForAnotherAnswerWhenUnsureAndTheQueueHandsItOut() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(),
                Map.of("overlap", 2, "maxOverlap", 3, "aggregation", "mv", "acceptanceThreshold", 0.6, "goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        long item = QueueFixtures.items(dataSource, project, 1, 2).get(0);
        Person yes = TestAccounts.signedIn("labeler");
        Person no = TestAccounts.signedIn("labeler");
        Person third = TestAccounts.signedIn("labeler");
        answer(yes, next(yes).statusCode(200).extract().jsonPath().getString("leaseId"), POSITIVE, false).statusCode(200);
        answer(no, next(no).statusCode(200).extract().jsonPath().getString("leaseId"), Map.of("value", "negative"), false).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> QueueFixtures.count(dataSource,
                "SELECT count(*) FROM tasks.item WHERE id = ? AND answers_needed = 3 AND state = 'open'", item) == 1);
        JsonPath task = next(third).statusCode(200).extract().jsonPath();
        assertThat(task.getLong("item.id")).isEqualTo(item);
        answer(third, task.getString("leaseId"), POSITIVE, false).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(owner.accessToken()).get("/api/v1/projects/" + project + "/progress").then().statusCode(200)
                        .body("answers", equalTo(3)).body("itemsAnswered", equalTo(1)).body("itemsLabelled", equalTo(1))
                        .body("itemsInConsensus", equalTo(0)));
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM tasks.item WHERE id = ? AND label->>'value' = 'positive' AND label_confidence > 0.66", item)).isEqualTo(1);
        next(yes).statusCode(204);
    }

    @Test
    void answersAreValidatedRecordedOnceAndOnlyByTheLeaseHolderWhileItLasts() throws Exception {
        UUID project = activeProject(Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0));
        QueueFixtures.items(dataSource, project, 2, 1);
        Person labeler = TestAccounts.signedIn("labeler");
        Person stranger = TestAccounts.signedIn("labeler");
        String lease = next(labeler).statusCode(200).extract().jsonPath().getString("leaseId");

        answer(labeler, lease, Map.of("value", "sarcastic"), false).statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:invalid-answer"));
        answer(stranger, lease, POSITIVE, false).statusCode(404);
        String answerId = answer(labeler, lease, POSITIVE, false).statusCode(200).extract().jsonPath().getString("answerId");
        answer(labeler, lease, POSITIVE, false).statusCode(200).body("answerId", equalTo(answerId));
        answer(labeler, lease, Map.of("value", "negative"), false).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:already-answered"));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.answer WHERE project_id = ?", project)).isEqualTo(1);

        String late = next(labeler).statusCode(200).extract().jsonPath().getString("leaseId");
        QueueFixtures.execute(dataSource, "UPDATE tasks.lease SET expires_at = now() - interval '1 second' WHERE id = ?", UUID.fromString(late));
        answer(labeler, late, POSITIVE, false).statusCode(410).body("type", equalTo("urn:labelmint:problem:lease-expired"));
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM tasks.item WHERE project_id = ? AND state = 'open' AND leases_active = 0", project)).isEqualTo(1);
        next(labeler).statusCode(204);
        next(stranger).statusCode(200);
    }

    @Test
    void aSkippedItemGoesToSomeoneElseAndNeverBackToTheSkipper() throws Exception {
        UUID project = activeProject(Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0));
        List<Long> items = QueueFixtures.items(dataSource, project, 1, 1);
        Person skipper = TestAccounts.signedIn("labeler");
        Person other = TestAccounts.signedIn("labeler");
        String lease = next(skipper).statusCode(200).extract().jsonPath().getString("leaseId");
        next(other).statusCode(204);

        given().auth().oauth2(skipper.accessToken()).post("/api/v1/tasks/" + lease + "/skip").then().statusCode(204);
        given().auth().oauth2(skipper.accessToken()).post("/api/v1/tasks/" + lease + "/skip").then().statusCode(204);
        answer(skipper, lease, POSITIVE, false).statusCode(410);
        next(skipper).statusCode(204);
        next(other).statusCode(200).body("item.id", equalTo(items.get(0).intValue()));
    }

    @Test
    void bannedLabelersAndThoseWithoutTheSkillsOrAccessGetNothing() throws Exception {
        UUID skilled = activeProject(Map.of("goldRate", 0, "requiredSkills", List.of("medical-images")));
        QueueFixtures.items(dataSource, skilled, 1, 3);
        Person novice = TestAccounts.signedIn("labeler");
        Person expert = TestAccounts.signedIn("labeler");
        given().auth().oauth2(expert.accessToken()).contentType(ContentType.JSON)
                .body(List.of(Map.of("tag", "medical-images", "level", 3))).put("/api/v1/users/me/skills").then().statusCode(200);
        next(novice).statusCode(204);
        next(expert).statusCode(200).body("project.id", equalTo(skilled.toString()));

        Person banned = TestAccounts.signedIn("labeler");
        QueueFixtures.execute(dataSource, "UPDATE users.account SET banned_until = now() + interval '1 day' WHERE id = ?", banned.id());
        next(banned).statusCode(403).body("type", equalTo("urn:labelmint:problem:account-banned"));

        Person client = TestAccounts.signedIn("client");
        UUID closed = ProjectFixtures.draft(client, ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0, "priority", 100));
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("coOwners", List.of(), "reviewers", List.of(), "labelerAccess", "allow-list", "allowedLabelers", List.of(expert.id())))
                .put("/api/v1/projects/" + closed + "/members").then().statusCode(200);
        ProjectFixtures.moveTo(client, closed, "active");
        QueueFixtures.awaitQueueSees(dataSource, closed, "active");
        QueueFixtures.items(dataSource, closed, 1, 1);
        Person outsider = TestAccounts.signedIn("labeler");
        assertThat(next(outsider).extract().statusCode() == 204
                || !closed.toString().equals(next(outsider).extract().jsonPath().getString("project.id"))).isTrue();
    }

    @Test
    void goldItemsAreMixedInWithoutBeingMarkedAndEveryoneAnswersEachOnce() throws Exception {
        UUID project = activeProject(Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0.5));
        List<Long> gold = QueueFixtures.goldItems(dataSource, project, 2, "{\"value\": \"negative\"}");
        QueueFixtures.items(dataSource, project, 2, 1);
        Person labeler = TestAccounts.signedIn("labeler");

        Set<Long> answered = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JsonPath task = next(labeler).statusCode(200).extract().jsonPath();
            answered.add(task.getLong("item.id"));
            answer(labeler, task.getString("leaseId"), POSITIVE, false).statusCode(200);
        }
        next(labeler).statusCode(204);
        assertThat(answered).containsAll(gold).hasSize(4);
        Person another = TestAccounts.signedIn("labeler");
        for (int i = 0; i < 2; i++) {
            JsonPath task = next(another).statusCode(200).extract().jsonPath();
            assertThat(gold).contains(task.getLong("item.id"));
            answer(another, task.getString("leaseId"), POSITIVE, false).statusCode(200);
        }
        assertThat(QueueFixtures.count(dataSource,
                "SELECT count(*) FROM platform.outbox_event WHERE type = 'tasks.AnswerSubmitted' AND payload->>'projectId' = ?"
                        + " AND payload->'goldAnswer'->>'value' = 'negative'", project.toString())).isEqualTo(4);
    }

    private UUID activeProject(Map<String, Object> settings) {
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(), settings);
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        return project;
    }

    private static ValidatableResponse next(Person labeler) {
        return given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then();
    }

    private static ValidatableResponse answer(Person labeler, String lease, Map<String, ?> answer, boolean andNext) {
        return given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).queryParam("next", andNext)
                .body(Map.of("answer", answer)).post("/api/v1/tasks/" + lease + "/answer").then();
    }
}
