package com.labelmint.consensus.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A labeler excluded for fraud stops counting: their answers on items not yet decided become void, wherever the
 * item is (waiting for answers, or in review), and so does any answer of theirs that arrives later. Each item asks
 * for a replacement from someone else and is decided from the answers that count. Majority vote, overlap 3 up to 3,
 * sure at 0.8.
 */
@QuarkusTest
class ExcludedLabelerAnswersTest {

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    @Test
    void theExcludedLabelersPendingAnswersAreVoidAndReplacedByOthers() throws Exception {
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(), Map.of(
                "overlap", 3, "maxOverlap", 3, "aggregation", "mv", "acceptanceThreshold", 0.8, "fraudAction", "exclude"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        ConsensusEvents events = new ConsensusEvents(decisions, project);
        UUID cheat = labeler();
        UUID first = labeler();
        UUID second = labeler();
        UUID third = labeler();
        long inReview = ConsensusEvents.newItem();
        events.answer(inReview, first, "positive");
        events.answer(inReview, second, "negative");
        UUID voidInReview = events.answer(inReview, cheat, "negative");
        events.full(inReview, 3);
        long collecting = ConsensusEvents.newItem();
        events.answer(collecting, first, "positive");
        UUID voidCollecting = events.answer(collecting, cheat, "positive");
        assertThat(state(inReview)).isEqualTo("review 3 0");

        for (int i = 0; i < 3; i++) {
            events.deliver(events.submitted(ConsensusEvents.newItem(), cheat, "positive", "negative"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM consensus.answer WHERE id IN (?, ?) AND verdict = 'void'", voidInReview, voidCollecting) == 2);
        assertThat(state(inReview)).as("back from review for one answer more").isEqualTo("collecting 4 1");
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.MoreAnswersRequested' AND payload->>'itemId' = ?"
                + " AND payload->>'answersNeeded' = '4'", Long.toString(inReview))).isEqualTo(1);
        AnswerSubmitted late = events.submitted(ConsensusEvents.newItem(), cheat, "neutral", null);
        events.deliver(late);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE id = ? AND verdict = 'void'", late.answerId()))
                .as("void on arrival").isEqualTo(1);

        events.answer(collecting, second, "positive");
        events.full(collecting, 3);
        assertThat(state(collecting)).isEqualTo("collecting 4 1");
        events.answer(collecting, third, "positive");
        events.full(collecting, 4);
        events.answer(inReview, third, "negative");
        events.full(inReview, 4);

        assertThat(state(collecting)).isEqualTo("decided 4 1");
        assertThat(count("SELECT count(*) FROM consensus.item WHERE id = ? AND label->>'value' = 'positive' AND confidence = 1", collecting))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consensus.answer WHERE item_id = ? AND verdict = 'accepted'", collecting)).isEqualTo(3);
        assertThat(state(inReview)).as("three answers that count, still split").isEqualTo("review 4 1");
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerAccepted' AND payload->>'labelerId' = ?",
                cheat.toString())).isZero();
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.AnswerRejected' AND payload->>'answerId' IN (?, ?)",
                voidInReview.toString(), voidCollecting.toString())).isEqualTo(2);
    }

    private static UUID labeler() {
        return TestAccounts.signedIn("labeler").id();
    }

    /** The item's state, the answers it waits for (void ones included), and how many void ones have replacements. */
    private String state(long item) throws Exception {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT state || ' ' || answers_expected || ' ' || voids_replaced FROM consensus.item WHERE id = ?")) {
            query.setLong(1, item);
            try (var row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "absent";
            }
        }
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
