package com.labelmint.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.labelmint.consensus.decision.ConsensusEvents;
import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A real open dispute: a 2–1 majority vote whose dissenting labeler objects to the rejection of their answer. */
final class DisputeFixtures {

    private DisputeFixtures() {
    }

    record OpenDispute(UUID id, UUID projectId, long itemId, UUID dissentingAnswer, Person dissenter) {
    }

    static OpenDispute rejectedAnswerDisputed(DataSource dataSource, ItemDecisions decisions, String reason) throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 3, "maxOverlap", 3,
                "aggregation", "mv", "acceptanceThreshold", 0.6));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        ConsensusEvents events = new ConsensusEvents(decisions, project);
        long item = ConsensusEvents.newItem();
        events.answer(item, TestAccounts.signedIn("labeler").id(), "positive");
        events.answer(item, TestAccounts.signedIn("labeler").id(), "positive");
        Person dissenter = TestAccounts.signedIn("labeler");
        UUID dissent = events.answer(item, dissenter.id(), "negative");
        events.full(item, 3);
        String id = given().auth().oauth2(dissenter.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("answerId", dissent, "reason", reason)).post("/api/v1/disputes")
                .then().statusCode(200).extract().path("id");
        return new OpenDispute(UUID.fromString(id), project, item, dissent, dissenter);
    }
}
