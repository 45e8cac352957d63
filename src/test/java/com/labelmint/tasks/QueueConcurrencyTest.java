package com.labelmint.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's guarantees under real concurrent labelers, through HTTP, against the real database. */
@QuarkusTest
class QueueConcurrencyTest {

    private static final int LABELERS = 16;
    private static final int ITEMS = 60;
    private static final int OVERLAP = 3;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void concurrentLabelersFillEveryItemExactlyWithoutOverleasingOrAnsweringTwice() throws Exception {
        // the most urgent project in the shared test database, so labelers drain it before anything else
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(),
                Map.of("overlap", OVERLAP, "goldRate", 0, "priority", 100));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        QueueFixtures.items(dataSource, project, ITEMS, OVERLAP);
        List<Person> labelers = new ArrayList<>();
        for (int i = 0; i < LABELERS; i++) {
            labelers.add(TestAccounts.signedIn("labeler"));
        }

        AtomicInteger overleased = new AtomicInteger();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(LABELERS);
        List<Future<Integer>> answered = new ArrayList<>();
        for (Person labeler : labelers) {
            answered.add(threads.submit(() -> {
                start.await();
                int count = 0;
                while (true) {
                    Response next = given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next");
                    // nothing open right now may only mean every missing answer is leased: wait until the project is done
                    boolean elsewhere = next.statusCode() == 200 && !project.toString().equals(next.jsonPath().getString("project.id"));
                    if (elsewhere) {
                        given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/" + next.jsonPath().getString("leaseId") + "/skip");
                    }
                    if (next.statusCode() == 204 || elsewhere) {
                        if (QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.item WHERE project_id = ? AND state <> 'complete'", project) == 0) {
                            return count;
                        }
                        Thread.sleep(20);
                        continue;
                    }
                    if (next.statusCode() != 200) {
                        failures.merge(next.statusCode(), 1, Integer::sum);
                        continue;
                    }
                    if (QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.item WHERE project_id = ? AND answers_count + leases_active > answers_needed", project) > 0) {
                        overleased.incrementAndGet();
                    }
                    int status = given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                            .body(Map.of("answer", Map.of("value", "neutral")))
                            .post("/api/v1/tasks/" + next.jsonPath().getString("leaseId") + "/answer").statusCode();
                    if (status == 200) {
                        count++;
                    } else {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> labeler : answered) {
            total += labeler.get(3, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(failures).isEmpty();
        assertThat(overleased.get()).isZero();
        assertThat(total).isEqualTo(ITEMS * OVERLAP);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.item WHERE project_id = ? AND state = 'complete' AND answers_count = ?",
                project, OVERLAP)).isEqualTo(ITEMS);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM (SELECT item_id, labeler_id FROM tasks.answer WHERE project_id = ?"
                + " GROUP BY item_id, labeler_id HAVING count(*) > 1) twice", project)).isZero();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.lease WHERE project_id = ? AND state = 'active'", project)).isZero();
    }

    @Test
    void oneLabelerAskingFromTwoDevicesAtOnceGetsOneTask() throws Exception {
        UUID project = ProjectFixtures.active(TestAccounts.signedIn("client"), ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        QueueFixtures.items(dataSource, project, 10, 3);
        Person labeler = TestAccounts.signedIn("labeler");

        ExecutorService devices = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> leases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leases.add(devices.submit(() -> {
                start.await();
                return given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then().statusCode(200)
                        .extract().jsonPath().getString("leaseId");
            }));
        }
        start.countDown();
        List<String> handedOut = new ArrayList<>();
        for (Future<String> lease : leases) {
            handedOut.add(lease.get(1, TimeUnit.MINUTES));
        }
        devices.shutdown();
        assertThat(handedOut).containsOnly(handedOut.get(0));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM tasks.lease WHERE labeler_id = ?", labeler.id())).isEqualTo(1);
    }
}
