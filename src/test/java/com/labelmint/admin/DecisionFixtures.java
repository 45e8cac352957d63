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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Real consensus decisions for the console to show: three labelers answer a sentiment item by majority vote, 2–1,
 * and the queue says the item is full. Under a 0.6 threshold the item is labelled and the dissent rejected; under
 * 0.8, at the most answers the project allows, it waits for a reviewer.
 */
final class DecisionFixtures {

    private DecisionFixtures() {
    }

    record OpenDispute(UUID id, UUID projectId, long itemId, UUID dissentingAnswer, Person dissenter) {
    }

    /** An item waiting for review with "positive" suggested (two answers of three); {@code labelers} gave them, in order. */
    record ItemInReview(long itemId, UUID projectId, Person owner, List<UUID> labelers) {
    }

    /** The dissenting labeler disputes the rejection of their answer. */
    static OpenDispute rejectedAnswerDisputed(DataSource dataSource, ItemDecisions decisions, String reason) throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = project(dataSource, owner, ProjectFixtures.sentimentSchema(), 0.6, List.of());
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

    /** An item of a sentiment project whose reviewers are {@code reviewers}, waiting for one of them. */
    static ItemInReview itemInReview(DataSource dataSource, ItemDecisions decisions, List<UUID> reviewers) throws Exception {
        return itemInReview(dataSource, decisions, reviewers, ProjectFixtures.sentimentSchema());
    }

    /** The same under another label schema whose label is a single choice of positive and negative. */
    static ItemInReview itemInReview(DataSource dataSource, ItemDecisions decisions, List<UUID> reviewers, Map<String, Object> schema)
            throws Exception {
        Person owner = TestAccounts.signedIn("client");
        UUID project = project(dataSource, owner, schema, 0.8, reviewers);
        ConsensusEvents events = new ConsensusEvents(decisions, project);
        long item = ConsensusEvents.newItem();
        List<UUID> labelers = List.of(TestAccounts.signedIn("labeler").id(), TestAccounts.signedIn("labeler").id(),
                TestAccounts.signedIn("labeler").id());
        events.answer(item, labelers.get(0), "positive");
        events.answer(item, labelers.get(1), "negative");
        events.answer(item, labelers.get(2), "positive");
        events.full(item, 3);
        return new ItemInReview(item, project, owner, labelers);
    }

    /** An active majority-vote project of three answers at most, once consensus holds its copy with these reviewers. */
    private static UUID project(DataSource dataSource, Person owner, Map<String, Object> schema, double acceptanceThreshold,
                                List<UUID> reviewers) {
        UUID project = ProjectFixtures.draft(owner, schema, Map.of("overlap", 3, "maxOverlap", 3,
                "aggregation", "mv", "acceptanceThreshold", acceptanceThreshold));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("coOwners", List.of(), "reviewers", reviewers, "labelerAccess", "open", "allowedLabelers", List.of()))
                .put("/api/v1/projects/" + project + "/members").then().statusCode(200);
        ProjectFixtures.moveTo(owner, project, "active");
        await().atMost(Duration.ofSeconds(30)).until(() -> QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.project "
                + "WHERE id = ? AND view->'members'->'reviewers' @> CAST(? AS jsonb)", project, json(reviewers)) == 1);
        return project;
    }

    private static String json(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + ", " + b).map(list -> "[" + list + "]").orElse("[]");
    }
}
