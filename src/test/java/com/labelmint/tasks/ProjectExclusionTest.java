package com.labelmint.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.consensus.api.LabelerFlagged;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's side of an exclusion (consensus.LabelerFlagged as consensus publishes it): the project's tasks stop, others go on. */
@QuarkusTest
class ProjectExclusionTest {

    @Inject
    DataSource dataSource;

    @Inject
    EventPublisher events;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void anExcludedLabelersLeaseIsTakenBackAndTheyGetTasksOnlyFromOtherProjects() throws Exception {
        UUID excluding = activeProject();
        long item = QueueFixtures.items(dataSource, excluding, 1, 2).get(0);
        Person labeler = TestAccounts.signedIn("labeler");
        String lease = next(labeler).statusCode(200).body("project.id", equalTo(excluding.toString())).extract().jsonPath().getString("leaseId");
        UUID other = activeProject();
        QueueFixtures.items(dataSource, other, 1, 2);

        flag(excluding, labeler, "warn");
        flag(excluding, labeler, "exclude");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.lease WHERE id = ?::uuid AND state = 'revoked'", lease) == 1);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.exclusion WHERE labeler_id = ?", labeler.id())).isEqualTo(1);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.item WHERE id = ? AND leases_active = 0 AND state = 'open'",
                item)).as("its slot is free for others").isEqualTo(1);
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("answer", Map.of("value", "positive")))
                .post("/api/v1/tasks/" + lease + "/answer").then().statusCode(410).body("type", equalTo("urn:labelmint:problem:lease-expired"));
        next(labeler).statusCode(200).body("project.id", equalTo(other.toString()));
    }

    private void flag(UUID project, Person labeler, String action) {
        QuarkusTransaction.requiringNew().run(() -> events.publish(new LabelerFlagged(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                project, labeler.id(), List.of("too-fast"), action)));
    }

    private UUID activeProject() {
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        return project;
    }

    private static ValidatableResponse next(Person labeler) {
        return given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then();
    }
}
