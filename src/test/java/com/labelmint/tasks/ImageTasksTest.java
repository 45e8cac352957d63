package com.labelmint.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImageTasksTest {

    private static final Map<String, Object> BOXES = Map.of(
            "dataFields", List.of(Map.of("name", "image", "type", "image", "required", true)),
            "label", Map.of("type", "bounding_boxes", "classes", List.of("car", "person"), "maxBoxes", 20));

    @Inject
    DataSource dataSource;

    /** Links name the configured public address; the test server listens on a random port. */
    @TestHTTPResource("/")
    URI server;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
    }

    @Test
    void aClientUploadsAnImageAndTheLabelerGetsAShortLivedLinkToIt() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, BOXES, Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0));
        byte[] picture = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);

        JsonPath upload = given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("fileName", "street/cars-001.jpg", "contentType", "image/jpeg",
                        "sizeBytes", picture.length))))
                .post("/api/v1/projects/" + project + "/assets/uploads").then().statusCode(200).extract().jsonPath();
        HttpRequest.Builder put = HttpRequest.newBuilder(onTestServer(upload.getString("uploads[0].upload.url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(picture));
        upload.getMap("uploads[0].upload.headers", String.class, String.class).forEach(put::header);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isBetween(200, 204);

        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        QueueFixtures.execute(dataSource, "INSERT INTO tasks.item (project_id, data, answers_needed) VALUES (?, cast(? AS jsonb), 1)",
                project, "{\"image\": \"asset:street/cars-001.jpg\"}");
        Person labeler = TestAccounts.signedIn("labeler");
        JsonPath task = given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then().statusCode(200)
                .body("project.label.type", equalTo("bounding_boxes")).extract().jsonPath();
        String link = task.getString("item.data.image");
        assertThat(link).startsWith("http").contains("cars-001.jpg").contains("signature=");
        HttpResponse<byte[]> shown = http.send(HttpRequest.newBuilder(onTestServer(link)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(picture);

        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("answer", Map.of("boxes", List.of(Map.of("class", "car", "x", 0.1, "y", 0.2, "w", 0.3, "h", 0.4)))))
                .post("/api/v1/tasks/" + task.getString("leaseId") + "/answer").then().statusCode(200);
    }

    private URI onTestServer(String link) {
        URI configured = URI.create(link);
        return server.resolve(configured.getRawPath() + "?" + configured.getRawQuery());
    }

    @Test
    void onlyTheProjectsManagersGetUploadLinksAndBadFilesAreRefusedTogether() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.draft(client, BOXES, Map.of());
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("fileName", "a.jpg", "contentType", "image/jpeg", "sizeBytes", 10))))
                .post("/api/v1/projects/" + project + "/assets/uploads").then().statusCode(404);
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("fileName", "../../etc/passwd", "contentType", "image/jpeg", "sizeBytes", 10),
                        Map.of("fileName", "page.html", "contentType", "text/html", "sizeBytes", 10))))
                .post("/api/v1/projects/" + project + "/assets/uploads").then().statusCode(400)
                .contentType("application/problem+json").body("errors.size()", equalTo(2));
    }
}
