package com.labelmint.consensus.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.labelmint.consensus.decision.ConsensusEvents;
import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each signal flags the labeler who shows it, at the default thresholds (3 wrong gold answers in a row; 10 equal
 * answers while the crowd's most common answer stays under 80 %; a median of the last 10 durations under a quarter
 * of the crowd's, once the crowd has 30 answers), and a labeler who works normally is never flagged. The projects
 * only warn, so every answer keeps counting and only the flags are looked at.
 */
@QuarkusTest
class FraudSignalsTest {

    private static final List<String> OPTIONS = List.of("positive", "negative", "neutral");
    private static final long CROWD_MS = 8_000;

    @Inject
    ItemDecisions decisions;

    @Inject
    DataSource dataSource;

    private UUID project;
    private ConsensusEvents events;

    @BeforeEach
    void aProjectThatOnlyWarns() {
        project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(),
                Map.of("overlap", 3, "aggregation", "mv", "fraudAction", "warn"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM consensus.project WHERE id = ?", project) == 1);
        events = new ConsensusEvents(decisions, project);
    }

    @Test
    void threeWrongGoldAnswersInARowFlagTheLabeler() throws Exception {
        UUID labeler = TestAccounts.signedIn("labeler").id();
        gold(labeler, "positive");
        gold(labeler, "negative");
        gold(labeler, "positive");
        gold(labeler, "positive");
        assertThat(flags(labeler)).as("a right answer ends the streak").isZero();

        gold(labeler, "positive");

        assertThat(flags(labeler, "failed-gold-streak")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform.outbox_event WHERE type = 'consensus.LabelerFlagged' AND payload->>'labelerId' = ?"
                + " AND payload->>'projectId' = ? AND payload->>'action' = 'warn' AND payload->'signals' = '[\"failed-gold-streak\"]'",
                labeler.toString(), project.toString())).isEqualTo(1);
        gold(labeler, "positive");
        assertThat(flags(labeler)).as("a warned labeler is flagged again only on fresh evidence").isEqualTo(1);
    }

    @Test
    void tenEqualAnswersFlagTheLabelerWhileTheCrowdAnswersVariously() throws Exception {
        crowd(30, CROWD_MS, true);
        UUID constant = UUID.randomUUID();
        UUID normal = UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            answer(constant, "positive", CROWD_MS);
            answer(normal, OPTIONS.get(i % 3), CROWD_MS);
        }
        assertThat(flags(constant)).isZero();

        answer(constant, "positive", CROWD_MS);
        answer(normal, "positive", CROWD_MS);

        assertThat(flags(constant, "constant-answers")).isEqualTo(1);
        assertThat(flags(normal)).isZero();
    }

    @Test
    void equalAnswersAreNoSignalWhenTheCrowdMostlyAgreesOnThem() throws Exception {
        crowd(30, CROWD_MS, false);
        UUID labeler = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            answer(labeler, "negative", CROWD_MS);
        }

        assertThat(flags(labeler)).isZero();
    }

    @Test
    void answersFarFasterThanTheCrowdsFlagTheLabelerOnceTheCrowdIsBigEnough() throws Exception {
        crowd(5, CROWD_MS, true);
        UUID fast = UUID.randomUUID();
        UUID brisk = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            answer(fast, OPTIONS.get(i % 3), 1_500);
            answer(brisk, OPTIONS.get(i % 3), 3_000);
        }
        assertThat(flags(fast)).as("25 answers in the project: too few to know the crowd").isZero();

        crowd(20, CROWD_MS, true);
        answer(fast, "negative", 1_500);
        answer(brisk, "negative", 3_000);

        assertThat(flags(fast, "too-fast")).isEqualTo(1);
        assertThat(flags(brisk)).as("brisk, but over a quarter of the crowd's time").isZero();
    }

    /** Answers from {@code answers} labelers, one each, spread over the options or all the same. */
    private void crowd(int answers, long durationMs, boolean varied) {
        for (int i = 0; i < answers; i++) {
            answer(UUID.randomUUID(), varied ? OPTIONS.get(i % 3) : "negative", durationMs);
        }
    }

    private void answer(UUID labeler, String value, long durationMs) {
        events.deliver(events.submitted(ConsensusEvents.newItem(), labeler, value, null, durationMs));
    }

    private void gold(UUID labeler, String value) {
        events.deliver(events.submitted(ConsensusEvents.newItem(), labeler, value, "negative"));
    }

    private long flags(UUID labeler) throws Exception {
        return count("SELECT count(*) FROM consensus.fraud_flag WHERE project_id = ? AND labeler_id = ?", project, labeler);
    }

    private long flags(UUID labeler, String signal) throws Exception {
        return count("SELECT count(*) FROM consensus.fraud_flag WHERE project_id = ? AND labeler_id = ? AND signals = ARRAY[?::text]",
                project, labeler, signal);
    }

    private long count(String sql, Object... parameters) throws Exception {
        return QueueFixtures.count(dataSource, sql, parameters);
    }
}
