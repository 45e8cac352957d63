package com.labelmint.consensus.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consensus's decisions, driven by the queue's events as the event bus delivers them (each in its own
 * transaction), with majority vote so the expected confidences are plain shares.
 */
@QuarkusTest
class ItemDecisionsTest {

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    /** Real accounts: the users module turns their quality into reputation. Each answers an item at most once. */
    private static List<UUID> labelers;

    private Person owner;
    private UUID project;
    private ConsensusEvents events;
    private final Map<Long, Integer> answersGiven = new ConcurrentHashMap<>();

    @BeforeEach
    void aMajorityVoteProject() {
        if (labelers == null) {
            labelers = Stream.generate(() -> TestAccounts.signedIn("labeler").id()).limit(5).toList();
        }
        owner = TestAccounts.signedIn("client");
        project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of(
                "overlap", 3, "maxOverlap", 5, "aggregation", "mv", "acceptanceThreshold", 0.8,
                "rewardPerAnswer", Map.of("amount", "0.05", "currency", "USDT")));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        events = new ConsensusEvents(decisions, project);
    }

    @Test
    void agreeingAnswersLabelTheItemAndAreAllAccepted() throws Exception {
        long item = newItem();
        List<UUID> answers = List.of(answer(item, "positive"), answer(item, "positive"), answer(item, "positive"));
        full(item, 3);

        assertThat(itemRow(item)).isEqualTo("decided positive 1 mv");
        assertThat(events("consensus.ItemLabelled", item)).isEqualTo(1);
        assertThat(events("consensus.AnswerAccepted", item)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerAccepted' "
                + "AND (payload->'reward'->>'amount')::numeric = 0.05 AND payload->>'answerId' = ?", answers.get(0).toString())).isEqualTo(1);
    }

    @Test
    void theLastAnswerDecidesWhenTheQueueSaidSoFirst() throws Exception {
        long item = newItem();
        answer(item, "negative");
        answer(item, "negative");
        full(item, 3);
        assertThat(itemRow(item)).startsWith("collecting");

        answer(item, "negative");

        assertThat(itemRow(item)).isEqualTo("decided negative 1 mv");
    }

    @Test
    void anUnsureItemAsksForOneMoreAnswerAtATimeUntilItIsSure() throws Exception {
        long item = newItem();
        answer(item, "positive");
        UUID dissent = answer(item, "negative");
        answer(item, "positive");
        full(item, 3);
        assertThat(itemRow(item)).startsWith("collecting");
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.MoreAnswersRequested' "
                + "AND payload->>'itemId' = ? AND payload->>'answersNeeded' = '4'", Long.toString(item))).isEqualTo(1);

        answer(item, "positive");
        assertThat(events("consensus.MoreAnswersRequested", item)).isEqualTo(2);
        answer(item, "positive");

        assertThat(itemRow(item)).isEqualTo("decided positive 0.8 mv");
        assertThat(events("consensus.AnswerAccepted", item)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'rejected' AND reason = ?",
                dissent, Verdicts.DISAGREED)).isEqualTo(1);
    }

    @Test
    void anItemStillSplitAtTheMostAnswersWaitsForAReviewerWithTheBestGuess() throws Exception {
        long item = newItem();
        for (String value : List.of("positive", "negative", "positive", "negative", "positive")) {
            answer(item, value);
        }
        full(item, 3);

        assertThat(itemRow(item)).isEqualTo("review positive 0.6 mv");
        assertThat(events("consensus.ItemLabelled", item)).isZero();
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE item_id = ? AND verdict IS NULL", item)).isEqualTo(5);
    }

    @Test
    void aReviewerSeesTheItemWithTheAnswersAndTheirLabelIsFinal() throws Exception {
        long item = newItem();
        for (String value : List.of("positive", "negative", "positive", "negative", "positive")) {
            answer(item, value);
        }
        full(item, 5);
        String reviews = "/api/v1/projects/" + project + "/reviews";

        given().auth().oauth2(owner.accessToken()).get(reviews).then().statusCode(200)
                .body("items.find { it.itemId == " + item + " }.suggestion.value", equalTo("positive"))
                .body("items.find { it.itemId == " + item + " }.answers.value", contains("positive", "negative", "positive", "negative", "positive"));
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).get(reviews)
                .then().statusCode(404);
        given().auth().oauth2(TestAccounts.signedIn("labeler").accessToken()).get(reviews)
                .then().statusCode(403);
        review(item, Map.of("value", "sarcastic")).statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-label"));

        review(item, Map.of("value", "negative")).statusCode(204);

        assertThat(itemRow(item)).isEqualTo("decided negative 1 review");
        assertThat(count("SELECT count(*) FROM consensus.item WHERE id = ? AND decided_by = ? AND note = 'sarcasm'", item, owner.id()))
                .isEqualTo(1);
        assertThat(events("consensus.AnswerAccepted", item)).isEqualTo(2);
        assertThat(events("consensus.AnswerRejected", item)).isEqualTo(3);
        review(item, Map.of("value", "positive")).statusCode(409).body("type", equalTo("urn:labelmint:problem:not-in-review"));
    }

    private ValidatableResponse review(long item, Map<String, String> label) {
        return given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("label", label, "note", "sarcasm"))
                .post("/api/v1/reviews/" + item).then();
    }

    @Test
    void aRedeliveredAnswerIsJudgedOnce() throws Exception {
        long item = newItem();
        AnswerSubmitted first = submitted(item, "neutral", null);
        deliver(first);
        deliver(first);
        answer(item, "neutral");
        answer(item, "neutral");
        full(item, 3);
        full(item, 3);

        assertThat(events("consensus.AnswerAccepted", item)).isEqualTo(3);
        assertThat(events("consensus.ItemLabelled", item)).isEqualTo(1);
    }

    @Test
    void goldAnswersAreJudgedAtOnceAgainstTheKnownAnswerAndMeasureTheLabeler() throws Exception {
        long item = newItem();
        AnswerSubmitted right = submitted(item, "positive", "positive");
        AnswerSubmitted wrong = submitted(item, "negative", "positive");
        deliver(right);
        deliver(wrong);

        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'accepted'", right.answerId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'rejected'", wrong.answerId())).isEqualTo(1);
        assertThat(count("SELECT gold_correct * 10 + gold_answers FROM consensus.labeler_quality WHERE labeler_id = ? AND skill = ''",
                wrong.labelerId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consensus.item WHERE id = ?", item)).isZero();
    }

    /** The last answer and the queue's word arrive together, on two threads: the item is decided exactly once. */
    @Test
    void racingEventsDecideEachItemExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Long> items = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                long item = newItem();
                items.add(item);
                answer(item, "positive");
                answer(item, "positive");
                AnswerSubmitted last = submitted(item, "positive", null);
                List<Callable<Void>> both = List.of(() -> { deliver(last); return null; }, () -> { full(item, 3); return null; });
                for (Future<Void> done : threads.invokeAll(both)) {
                    done.get();
                }
            }
            for (long item : items) {
                assertThat(itemRow(item)).isEqualTo("decided positive 1 mv");
                assertThat(events("consensus.ItemLabelled", item)).isEqualTo(1);
                assertThat(events("consensus.AnswerAccepted", item)).isEqualTo(3);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static long newItem() {
        return ConsensusEvents.newItem();
    }

    private UUID answer(long item, String value) {
        AnswerSubmitted submitted = submitted(item, value, null);
        deliver(submitted);
        return submitted.answerId();
    }

    /** Each answer to an item comes from the next labeler of the pool. */
    private AnswerSubmitted submitted(long item, String value, String gold) {
        UUID labeler = labelers.get(answersGiven.merge(item, 1, Integer::sum) - 1);
        return events.submitted(item, labeler, value, gold);
    }

    private void deliver(AnswerSubmitted submitted) {
        events.deliver(submitted);
    }

    private void full(long item, int answers) {
        events.full(item, answers);
    }

    private String itemRow(long item) throws Exception {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT state || ' ' || coalesce(label->>'value', '-') || ' ' || coalesce(round(confidence::numeric, 3)::float8::text, '-') "
                        + "|| ' ' || coalesce(method, '-') FROM consensus.item WHERE id = ?")) {
            query.setLong(1, item);
            try (var row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "absent";
            }
        }
    }

    private long events(String type, long item) throws Exception {
        return count("SELECT count(*) FROM platform.outbox_event WHERE type = ? AND payload->>'itemId' = ?", type, Long.toString(item));
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
