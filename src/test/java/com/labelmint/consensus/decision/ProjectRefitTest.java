package com.labelmint.consensus.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A project pass learns each labeler's confusion matrix, and items decided afterwards are scored with it: two
 * labelers who always answer the "next" option are read back into the truth. Their accuracy alone would only say
 * they are usually wrong, and a newcomer's answer would then carry the item.
 */
@QuarkusTest
class ProjectRefitTest {

    private static final List<String> OPTIONS = List.of("positive", "negative", "neutral");

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    @Test
    void aRefitLearnsSystematicConfusionAndNewItemsAreScoredWithIt() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        // the shifters fail every gold item: anti-fraud only warns here, so that their answers keep counting
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 3, "maxOverlap", 3,
                "aggregation", "ds", "acceptanceThreshold", 0.5, "goldRate", 0.2, "fraudAction", "warn"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        UUID honest = TestAccounts.signedIn("labeler").id();
        Person shifter = TestAccounts.signedIn("labeler");
        UUID shifterOne = shifter.id();
        UUID shifterTwo = TestAccounts.signedIn("labeler").id();
        long firstItem = ConsensusEvents.newItem();
        for (int i = 0; i < 60; i++) {
            String truth = OPTIONS.get(i % 3);
            boolean gold = i < 45;
            answer(project, firstItem + i, honest, truth, gold ? truth : null);
            answer(project, firstItem + i, shifterOne, shifted(truth), gold ? truth : null);
            answer(project, firstItem + i, shifterTwo, shifted(truth), gold ? truth : null);
        }

        given().auth().oauth2(owner.accessToken()).post("/api/v1/projects/" + project + "/consensus/refit").then().statusCode(200)
                .body("answers", equalTo(180)).body("items", equalTo(60)).body("labelers", equalTo(3)).body("converged", equalTo(true));
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).post("/api/v1/projects/" + project + "/consensus/refit")
                .then().statusCode(404);

        // the shifter sees what the pass learnt of them: "positive" answered as "negative", and so on round
        given().auth().oauth2(shifter.accessToken()).get("/api/v1/consensus/quality/me").then().statusCode(200)
                .body("overall.goldAnswers", equalTo(45)).body("overall.goldCorrect", equalTo(0))
                .body("speed.answers", equalTo(60)).body("speed.medianMs", equalTo(4000))
                .body("confusion.find { it.projectId == '" + project + "' }.classes", contains("positive", "negative", "neutral"))
                .body("confusion.find { it.projectId == '" + project + "' }.matrix[0][1]", greaterThan(0.8f))
                .body("confusion.find { it.projectId == '" + project + "' }.matrix[1][2]", greaterThan(0.8f))
                .body("confusion.find { it.projectId == '" + project + "' }.matrix[2][0]", greaterThan(0.8f))
                .body("confusion.find { it.projectId == '" + project + "' }.accuracy", lessThan(0.2f));
        given().auth().oauth2(shifter.accessToken()).get("/api/v1/consensus/quality/" + honest).then().statusCode(403);

        long item = firstItem + 1_000;
        answer(project, item, TestAccounts.signedIn("labeler").id(), "neutral", null);
        answer(project, item, shifterOne, "negative", null);
        answer(project, item, shifterTwo, "negative", null);
        new ConsensusEvents(decisions, project).full(item, 3);

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.item WHERE id = ? AND state = 'decided' "
                + "AND label->>'value' = 'positive' AND confidence > 0.9", item)).isEqualTo(1);
    }

    private static String shifted(String truth) {
        return OPTIONS.get((OPTIONS.indexOf(truth) + 1) % 3);
    }

    private void answer(UUID project, long item, UUID labeler, String value, String gold) {
        ConsensusEvents events = new ConsensusEvents(decisions, project);
        events.deliver(events.submitted(item, labeler, value, gold));
    }
}
