package com.labelmint.consensus.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

/** A 2–1 majority-vote item: the dissenting labeler and the project's owner dispute, an admin settles. */
@QuarkusTest
class DisputesTest {

    private static final String DISPUTES = "/api/v1/disputes";

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    private Person owner;
    private Person first;
    private Person second;
    private Person dissenter;
    private Person admin;
    private UUID project;
    private ConsensusEvents events;

    @BeforeEach
    void aDecidedItemWithADissent() throws Exception {
        owner = TestAccounts.signedIn("client");
        first = TestAccounts.signedIn("labeler");
        second = TestAccounts.signedIn("labeler");
        dissenter = TestAccounts.signedIn("labeler");
        admin = TestAccounts.admin(dataSource);
        project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 3, "maxOverlap", 3,
                "aggregation", "mv", "acceptanceThreshold", 0.6, "rewardPerAnswer", Map.of("amount", "0.05", "currency", "USDT")));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        events = new ConsensusEvents(decisions, project);
    }

    @Test
    void anUpheldRejectionIsPaidAndAnUpheldLabelDisputeTurnsTheOtherVerdicts() throws Exception {
        long item = ConsensusEvents.newItem();
        UUID firstAnswer = events.answer(item, first.id(), "positive");
        UUID secondAnswer = events.answer(item, second.id(), "positive");
        UUID dissent = events.answer(item, dissenter.id(), "negative");
        events.full(item, 3);

        String disputeId = open(dissenter, Map.of("answerId", dissent, "reason", "The review is plainly negative"))
                .statusCode(200).body("status", equalTo("open")).body("kind", equalTo("rejected-answer")).extract().path("id");
        open(dissenter, Map.of("answerId", dissent, "reason", "Again")).statusCode(200).body("id", equalTo(disputeId));
        open(first, Map.of("answerId", dissent, "reason", "Not mine")).statusCode(404);
        open(dissenter, Map.of("answerId", firstAnswer, "reason", "Not mine either")).statusCode(404);
        given().auth().oauth2(first.accessToken()).get(DISPUTES + "/" + disputeId).then().statusCode(404);
        given().auth().oauth2(admin.accessToken()).get(DISPUTES).then().statusCode(200).body("id", hasItem(disputeId));

        resolve(disputeId, Map.of("outcome", "upheld", "note", "Sarcasm; negative is right")).statusCode(200)
                .body("status", equalTo("upheld")).body("resolvedBy", equalTo(admin.id().toString()));
        resolve(disputeId, Map.of("outcome", "dismissed", "note", "Changed my mind")).statusCode(409);

        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'accepted'", dissent)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerAccepted' AND payload->>'answerId' = ?",
                dissent.toString())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.DisputeResolved' "
                + "AND payload->>'disputeId' = ? AND payload->'answersNowAccepted'->>0 = ?", disputeId, dissent.toString())).isEqualTo(1);
        // opened twice, announced once; the labeler hears of the opening and of the decision
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.DisputeOpened' AND payload->>'disputeId' = ?",
                disputeId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM notifications.notification WHERE user_id = ? "
                + "AND kind IN ('dispute-opened', 'dispute-resolved')", dissenter.id()) == 2);

        String labelDispute = open(owner, Map.of("itemId", item, "reason", "Every one of these is sarcastic")).statusCode(200)
                .body("kind", equalTo("item-label")).extract().path("id");
        open(TestAccounts.signedIn("client"), Map.of("itemId", item, "reason", "Not my project")).statusCode(404);
        resolve(labelDispute, Map.of("outcome", "upheld", "note", "Negative", "label", Map.of("value", "nonsense"))).statusCode(400);
        resolve(labelDispute, Map.of("outcome", "upheld", "note", "Negative", "label", Map.of("value", "negative"))).statusCode(200)
                .body("newLabel.value", equalTo("negative"));

        assertThat(count("SELECT count(*) FROM consensus.item WHERE id = ? AND label->>'value' = 'negative' AND method = 'dispute'", item))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id IN (?, ?) AND verdict = 'rejected'", firstAnswer, secondAnswer))
                .isEqualTo(2);
        given().auth().oauth2(admin.accessToken()).get(DISPUTES + "/" + labelDispute).then().statusCode(200);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.DisputeResolved' AND payload->>'disputeId' = ? "
                + "AND jsonb_array_length(payload->'answersNowRejected') = 2", labelDispute)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(owner.accessToken())
                .get("/api/v1/projects/" + project + "/progress").then().extract().<Integer>path("itemsLabelled") == 1);
    }

    @Test
    void aDismissedDisputeCostsTheLabelerAndLateOrWrongDisputesAreRefused() throws Exception {
        long item = ConsensusEvents.newItem();
        UUID agreed = events.answer(item, first.id(), "neutral");
        events.answer(item, second.id(), "neutral");
        UUID dissent = events.answer(item, dissenter.id(), "positive");
        events.full(item, 3);

        open(first, Map.of("answerId", agreed, "reason", "Pay me twice")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:not-rejected"));
        open(dissenter, Map.of("answerId", dissent, "itemId", item, "reason", "Both")).statusCode(400);
        String disputeId = open(dissenter, Map.of("answerId", dissent, "reason", "It is positive")).statusCode(200).extract().path("id");
        resolve(disputeId, Map.of("outcome", "dismissed", "note", "It is not")).statusCode(200).body("status", equalTo("dismissed"));
        assertThat(count("SELECT disputes_lost FROM consensus.labeler_quality WHERE labeler_id = ? AND skill = ''", dissenter.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'rejected'", dissent)).isEqualTo(1);

        QueueFixtures.execute(dataSource, "UPDATE consensus.item SET updated_at = now() - interval '8 days' WHERE id = ?", item);
        open(owner, Map.of("itemId", item, "reason", "Too late")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:dispute-window-closed"));
        given().auth().oauth2(dissenter.accessToken()).contentType(ContentType.JSON).body(Map.of("outcome", "upheld", "note", "x"))
                .post(DISPUTES + "/" + disputeId + "/resolution").then().statusCode(403);
    }

    private ValidatableResponse open(Person person, Map<String, ?> body) {
        return given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(body).post(DISPUTES).then();
    }

    private ValidatableResponse resolve(String disputeId, Map<String, ?> body) {
        return given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(body)
                .post(DISPUTES + "/" + disputeId + "/resolution").then();
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
