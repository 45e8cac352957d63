package com.labelmint.users.reputation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.labelmint.consensus.api.LabelerQualityChanged;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import com.labelmint.users.api.Reputation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReputationTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    EventPublisher events;

    @Inject
    DataSource dataSource;

    @Inject
    ReputationService reputation;

    @Test
    void aLabelerStartsNeutralAndMovesWithWhatConsensusMeasures() {
        Person labeler = TestAccounts.signedIn("labeler");
        given().auth().oauth2(labeler.accessToken()).get("/api/v1/users/me/reputation").then().statusCode(200)
                .body("score", equalTo(0.5f)).body("skills", hasSize(0)).body("measuredAt", nullValue());

        measure(labeler.id(), null, 18, 18, 40, 38, 0, MONDAY);
        measure(labeler.id(), "medical-images", 10, 5, 10, 5, 0, MONDAY);

        JsonPath reputation = awaitScore(labeler, 0.9414);
        assertThat(reputation.getList("skills.skill")).containsExactly("medical-images");
        assertThat(reputation.getDouble("skills[0].score")).isEqualTo(0.5);
    }

    @Test
    void anOlderMeasurementArrivingLateChangesNothing() {
        Person labeler = TestAccounts.signedIn("labeler");
        measure(labeler.id(), null, 10, 10, 10, 10, 0, MONDAY.plus(1, ChronoUnit.DAYS));
        awaitScore(labeler, 0.9167);

        measure(labeler.id(), null, 10, 0, 10, 0, 0, MONDAY);
        measure(labeler.id(), null, 10, 10, 10, 10, 1, MONDAY.plus(2, ChronoUnit.DAYS));

        awaitScore(labeler, 0.825);
        given().auth().oauth2(labeler.accessToken()).get("/api/v1/users/me/reputation/history").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].previousScore", equalTo(0.9167f)).body("items[0].score", equalTo(0.825f))
                .body("items[1].previousScore", nullValue()).body("next", nullValue());
    }

    /** Eight first measurements of one score at once, each a minute later than the one before: the latest wins. */
    @Test
    void firstMeasurementsRacingEachOtherAreAllAppliedInTurn() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> applied = new ArrayList<>();
            for (int minute = 1; minute <= 8; minute++) {
                LabelerQualityChanged measured = new LabelerQualityChanged(UUID.randomUUID(), Instant.now(), labeler.id(),
                        "racing", 10, minute, 10, 10, 0, MONDAY.plus(minute, ChronoUnit.MINUTES));
                applied.add(threads.submit(() -> reputation.apply(measured)));
            }
            for (Future<?> measurement : applied) {
                measurement.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        Reputation.SkillScore racing = reputation.reputation(labeler.id()).skills().get(0);
        assertThat(racing.measuredAt()).isEqualTo(MONDAY.plus(8, ChronoUnit.MINUTES));
        assertThat(racing.score()).isEqualTo(ReputationFormula.score(new QualityMeasurement(10, 8, 10, 10, 0)));
    }

    @Test
    void historyIsReadPageByPageAndCannotBeRewritten() throws SQLException {
        Person labeler = TestAccounts.signedIn("labeler");
        for (int day = 1; day <= 5; day++) {
            measure(labeler.id(), null, day * 10L, day * 8L, 0, 0, 0, MONDAY.plus(day, ChronoUnit.DAYS));
            // one at a time: delivered together, a later measurement may land first and the earlier one is then ignored
            int applied = day;
            await().atMost(Duration.ofSeconds(20)).until(() -> historySize(labeler.id()) == applied);
        }

        JsonPath first = given().auth().oauth2(labeler.accessToken()).queryParam("limit", 2)
                .get("/api/v1/users/me/reputation/history").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().auth().oauth2(labeler.accessToken()).queryParam("limit", 2).queryParam("before", first.getString("next"))
                .get("/api/v1/users/me/reputation/history").then().statusCode(200).extract().jsonPath();
        JsonPath third = given().auth().oauth2(labeler.accessToken()).queryParam("limit", 2).queryParam("before", second.getString("next"))
                .get("/api/v1/users/me/reputation/history").then().statusCode(200).extract().jsonPath();
        List<String> measured = new java.util.ArrayList<>(first.getList("items.measuredAt"));
        measured.addAll(second.getList("items.measuredAt"));
        measured.addAll(third.getList("items.measuredAt"));
        assertThat(measured).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(third.getString("next")).isNull();

        given().auth().oauth2(labeler.accessToken()).queryParam("before", "not-a-cursor")
                .get("/api/v1/users/me/reputation/history").then().statusCode(400).body("type", equalTo("urn:labelmint:problem:bad-cursor"));
        given().auth().oauth2(labeler.accessToken()).queryParam("limit", 0)
                .get("/api/v1/users/me/reputation/history").then().statusCode(400);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE users.reputation_history SET score = 1 WHERE account_id = '" + labeler.id() + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate(
                    "DELETE FROM users.reputation_history WHERE account_id = '" + labeler.id() + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    private void measure(UUID labeler, String skill, long gold, long goldCorrect, long decided, long agreed, long disputesLost,
                         Instant measuredAt) {
        QuarkusTransaction.requiringNew().run(() -> events.publish(new LabelerQualityChanged(UUID.randomUUID(), Instant.now(),
                labeler, skill, gold, goldCorrect, decided, agreed, disputesLost, measuredAt)));
    }

    private static JsonPath awaitScore(Person labeler, double expected) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> given().auth().oauth2(labeler.accessToken()).get("/api/v1/users/me/reputation").then().statusCode(200).extract().jsonPath(),
                reputation -> Math.abs(reputation.getDouble("score") - expected) < 1e-9);
    }

    private int historySize(UUID labeler) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM users.reputation_history WHERE account_id = '" + labeler + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
