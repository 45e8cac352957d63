package com.labelmint.tasks.importing;

import static com.labelmint.tasks.ImportFixtures.JSON_LINES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportIdempotencyTest {

    private static final String BODY = "{\"id\": \"a\", \"data\": {\"text\": \"one\"}}\n{\"id\": \"b\", \"data\": {\"text\": \"two\"}}\n";

    @Inject
    DataSource dataSource;

    @Inject
    ImportLiveness liveness;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theSameRequestTwiceImportsOnceAndAnswersWithTheFirstJob() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String key = UUID.randomUUID().toString();

        String first = send(client, project, key, BODY).statusCode(200).body("idempotencyKey", equalTo(key))
                .extract().jsonPath().getString("id");
        send(client, project, key, BODY).statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first)).body("itemsImported", equalTo(2));

        assertThat(ImportedRows.items(dataSource, project)).hasSize(2);
        assertThat(ImportedRows.itemsImportedEvents(dataSource, project)).hasSize(1);
    }

    @Test
    void aKeyIsForOneRequestOnly() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String key = UUID.randomUUID().toString();
        send(client, project, key, BODY).statusCode(200);

        send(client, project, key, BODY.replace("two", "deux")).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:idempotency-key-reused"));
        ImportFixtures.request(client, JSON_LINES, BODY).header("Idempotency-Key", key).queryParam("atomic", "true")
                .post(ImportFixtures.path(project)).then().statusCode(409);
        // keys belong to the project: the same key elsewhere is a new import
        UUID other = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        send(client, other, key, BODY).statusCode(200).body("itemsImported", equalTo(2));
        assertThat(ImportedRows.items(dataSource, project)).hasSize(2);
    }

    @Test
    void twoRequestsWithOneKeyAtTheSameTimeMakeOneImport() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String key = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append("{\"data\": {\"text\": \"review ").append(i).append("\"}}\n");
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ImportFixtures.path(project) + "?wait=30"))
                .header("Authorization", "Bearer " + client.accessToken()).header("Content-Type", JSON_LINES)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        CountDownLatch start = new CountDownLatch(1);
        Callable<HttpResponse<String>> send = () -> {
            start.await();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> responses = List.of(threads.submit(send), threads.submit(send));
            start.countDown();
            HttpResponse<String> one = responses.get(0).get();
            HttpResponse<String> two = responses.get(1).get();
            assertThat(List.of(one.statusCode(), two.statusCode())).containsOnly(200);
            assertThat(jobId(one.body())).isEqualTo(jobId(two.body()));
        } finally {
            threads.shutdownNow();
        }
        assertThat(ImportedRows.items(dataSource, project)).hasSize(2000);
    }

    @Test
    void aJobWhoseInstanceDiedRunsAgainWhenTheRequestIsSentAgain() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String key = UUID.randomUUID().toString();
        UUID job = UUID.fromString(send(client, project, key, BODY).statusCode(200).extract().jsonPath().getString("id"));
        dieMidImport(job, project);

        liveness.sweep();
        given().auth().oauth2(client.accessToken()).get("/api/v1/imports/" + job).then().statusCode(200)
                .body("status", equalTo("failed")).body("failure.code", equalTo("interrupted"));

        send(client, project, key, BODY).statusCode(200).body("id", equalTo(job.toString()))
                .body("status", equalTo("succeeded")).body("attempt", equalTo(2)).body("itemsImported", equalTo(2));
        assertThat(ImportedRows.items(dataSource, project)).hasSize(2);
        send(client, project, key, BODY).statusCode(200).header("Idempotent-Replayed", "true").body("attempt", equalTo(2));
    }

    @Test
    void withoutAKeyEveryRequestIsANewImport() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String lines = "{\"data\": {\"text\": \"no id\"}}\n";

        String first = ImportFixtures.imported(client, project, JSON_LINES, lines).extract().jsonPath().getString("id");
        String second = ImportFixtures.imported(client, project, JSON_LINES, lines).extract().jsonPath().getString("id");

        assertThat(first).isNotEqualTo(second);
        assertThat(ImportedRows.items(dataSource, project)).hasSize(2);
    }

    private static ValidatableResponse send(Person client, UUID project, String key, String body) {
        return ImportFixtures.request(client, JSON_LINES, body).header("Idempotency-Key", key).queryParam("wait", 30)
                .post(ImportFixtures.path(project)).then();
    }

    /**
     * What a crash leaves: the job's transaction never committed, so its items are not there, and the row still
     * says running, with a heartbeat nobody renews.
     */
    private void dieMidImport(UUID job, UUID project) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement items = connection.prepareStatement("DELETE FROM tasks.item WHERE project_id = ?");
             PreparedStatement row = connection.prepareStatement("UPDATE tasks.import_job SET status = 'running', "
                     + "finished_at = NULL, items_imported = 0, heartbeat_at = now() - interval '1 hour' WHERE id = ?")) {
            items.setObject(1, project);
            items.executeUpdate();
            row.setObject(1, job);
            row.executeUpdate();
        }
    }

    private static String jobId(String json) {
        return io.restassured.path.json.JsonPath.from(json).getString("id");
    }
}
