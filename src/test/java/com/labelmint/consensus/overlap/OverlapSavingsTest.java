package com.labelmint.consensus.overlap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.consensus.decision.ConsensusEvents;
import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The overlap-savings report of a majority-vote project (overlap 3, at most 5, sure at 0.7): the answers its decided
 * items used, against the least fixed overlap as accurate on its gold items.
 */
@QuarkusTest
class OverlapSavingsTest {

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    @Test
    void theReportComparesTheAnswersUsedWithTheFixedOverlapAsAccurateOnGold() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        // a labeler who misses gold items is only warned here, so that every gold answer keeps counting
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 3, "maxOverlap", 5,
                "aggregation", "mv", "acceptanceThreshold", 0.7, "goldRate", 0.2, "fraudAction", "warn"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        List<UUID> labelers = Stream.generate(() -> TestAccounts.signedIn("labeler").id()).limit(5).toList();
        ConsensusEvents events = new ConsensusEvents(decisions, project);

        regular(events, labelers, "positive", "positive", "positive");
        regular(events, labelers, "positive", "negative", "positive", "positive"); // 2/3 is unsure: one more answer
        regular(events, labelers, "negative", "negative", "negative");
        // overlap 3 labels the contested gold item wrongly and 4 (a tie the schema gives to positive) rightly
        gold(events, labelers, "positive", "positive", "positive", "positive", "positive", "positive");
        gold(events, labelers, "positive", "negative", "negative", "positive", "positive", "positive");
        gold(events, labelers, "positive", "negative", "negative");

        String report = "/api/v1/projects/" + project + "/consensus/overlap-savings";
        given().auth().oauth2(owner.accessToken()).get(report).then().statusCode(200)
                .body("decidedItems", equalTo(3)).body("answersUsed", equalTo(10))
                .body("itemsByAnswers.'3'", equalTo(2)).body("itemsByAnswers.'4'", equalTo(1))
                .body("goldReplay.goldItems", equalTo(2))
                .body("goldReplay.dynamicAccuracy", equalTo(1.0f)).body("goldReplay.dynamicMeanAnswers", equalTo(4.0f))
                .body("goldReplay.fixedOverlaps.overlap", contains(3, 4, 5))
                .body("goldReplay.fixedOverlaps.accuracy", contains(0.5f, 1.0f, 1.0f))
                .body("comparedFixedOverlap", equalTo(4)).body("fixedOverlapAnswers", equalTo(12))
                .body("answersSaved", equalTo(2)).body("savedShare", equalTo((float) (2.0 / 12)));

        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).get(report).then().statusCode(404);
        given().auth().oauth2(TestAccounts.signedIn("labeler").accessToken()).get(report).then().statusCode(403);
    }

    /** A regular item answered in order; the queue says it is complete after the project's overlap. */
    private static void regular(ConsensusEvents events, List<UUID> labelers, String... answers) {
        long item = ConsensusEvents.newItem();
        Iterator<UUID> labeler = labelers.iterator();
        for (int i = 0; i < answers.length; i++) {
            events.answer(item, labeler.next(), answers[i]);
            if (i == 2) {
                events.full(item, 3);
            }
        }
    }

    private static void gold(ConsensusEvents events, List<UUID> labelers, String known, String... answers) {
        long item = ConsensusEvents.newItem();
        Iterator<UUID> labeler = labelers.iterator();
        for (String answer : answers) {
            events.deliver(events.submitted(item, labeler.next(), answer, known));
        }
    }
}
