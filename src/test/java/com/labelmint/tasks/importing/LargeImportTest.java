package com.labelmint.tasks.importing;

import static com.labelmint.tasks.ImportFixtures.JSON_LINES;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hundred thousand items through the API, polled like a client would (the benchmark does a million). */
@QuarkusTest
class LargeImportTest {

    private static final int ITEMS = 100_000;

    @Test
    void aHundredThousandItemsArriveAsOneJobWhoseProgressReachesTheTotal(@TempDir Path folder) throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        Path file = folder.resolve("items.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ITEMS; i++) {
                out.write("{\"id\": \"item-" + i + "\", \"data\": {\"text\": \"Review number " + i
                        + " of a product that works\", \"stars\": " + (i % 5 + 1) + "}"
                        + (i % 100 == 0 ? ", \"gold\": {\"value\": \"positive\"}" : "") + "}\n");
            }
        }

        String job = ImportFixtures.request(client, JSON_LINES).body(file.toFile()).post(ImportFixtures.path(project))
                .then().statusCode(202).body("totalLines", equalTo(ITEMS)).extract().jsonPath().getString("id");

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> RestAssured.given()
                .auth().oauth2(client.accessToken()).get("/api/v1/imports/" + job).then().statusCode(200)
                .extract().jsonPath().getString("status").equals("succeeded"));
        RestAssured.given().auth().oauth2(client.accessToken()).get("/api/v1/imports/" + job).then()
                .body("linesDone", equalTo(ITEMS)).body("itemsImported", equalTo(ITEMS)).body("goldImported", equalTo(ITEMS / 100))
                .body("errorCount", equalTo(0));
    }
}
