package com.labelmint.tasks.importing;

import static com.labelmint.tasks.ImportFixtures.CSV;
import static com.labelmint.tasks.ImportFixtures.JSON_LINES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ItemImportTest {

    @Inject
    DataSource dataSource;

    @Test
    void jsonLinesLandWithTheirDataAndTheGoldItemsAreMarked() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of("overlap", 3));
        String body = """
                {"id": "r-1", "data": {"text": "Great phone", "stars": 5, "photo": "https://example.org/1.jpg"}}
                {"id": "r-2", "data": {"text": "Broke in a week", "stars": 1.5}}
                {"data": {"text": "No id, still fine"}}
                {"id": "g-1", "data": {"text": "Love it"}, "gold": {"value": "positive"}}
                """;

        JsonPath job = ImportFixtures.request(client, JSON_LINES, body).queryParam("wait", 30)
                .post(ImportFixtures.path(project)).then().statusCode(200)
                .header("Location", containsString("/api/v1/imports/"))
                .body("status", equalTo("succeeded")).body("format", equalTo("jsonl")).body("atomic", equalTo(false))
                .body("totalLines", equalTo(4)).body("linesDone", equalTo(4))
                .body("itemsImported", equalTo(4)).body("goldImported", equalTo(1))
                .body("errorCount", equalTo(0)).body("errors", hasSize(0)).body("errorsOmitted", equalTo(0))
                .extract().jsonPath();
        UUID jobId = UUID.fromString(job.getString("id"));

        List<ImportedRows.Row> rows = ImportedRows.items(dataSource, project);
        assertThat(rows).extracting(ImportedRows.Row::externalId).containsExactly("r-1", "r-2", null, "g-1");
        assertThat(rows.get(0).data()).isEqualTo("{\"text\": \"Great phone\", \"photo\": \"https://example.org/1.jpg\", \"stars\": 5}");
        assertThat(rows.get(1).data()).contains("\"stars\": 1.5");
        assertThat(rows).extracting(ImportedRows.Row::gold).containsExactly(null, null, null, "{\"value\": \"positive\"}");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.answersNeeded()).isEqualTo(3);
            assertThat(row.importId()).isEqualTo(jobId);
        });
        assertThat(ImportedRows.itemsImportedEvents(dataSource, project)).singleElement().satisfies(event -> assertThat(event)
                .contains("\"importId\": \"" + jobId + "\"").contains("\"items\": 3").contains("\"goldItems\": 1"));

        given().auth().oauth2(client.accessToken()).get("/api/v1/imports/" + jobId).then().statusCode(200)
                .body("status", equalTo("succeeded")).body("itemsImported", equalTo(4)).body("projectId", equalTo(project.toString()));
    }

    @Test
    void csvTakesQuotedValuesNumbersGoldAndMissingCells() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.draft(client, ImportFixtures.reviewSchema(), Map.of());
        // a byte order mark and CRLF, as spreadsheets write them
        String body = "\uFEFF_id,text,stars,_gold\r\n"
                + "c-1,\"Good, but \"\"loud\"\"\",4,\r\n"
                + "c-2,\"Two\r\nlines\",,\r\n"
                + "c-3,Fine,3.25,\"{\"\"value\"\": \"\"negative\"\"}\"\r\n";

        ImportFixtures.imported(client, project, CSV, body).body("status", equalTo("succeeded")).body("format", equalTo("csv"))
                .body("totalLines", equalTo(5)).body("linesDone", equalTo(5))
                .body("itemsImported", equalTo(3)).body("goldImported", equalTo(1)).body("errorCount", equalTo(0));

        List<ImportedRows.Row> rows = ImportedRows.items(dataSource, project);
        assertThat(rows).extracting(ImportedRows.Row::externalId).containsExactly("c-1", "c-2", "c-3");
        assertThat(rows.get(0).data()).isEqualTo("{\"text\": \"Good, but \\\"loud\\\"\", \"stars\": 4}");
        assertThat(rows.get(1).data()).isEqualTo("{\"text\": \"Two\\r\\nlines\"}");
        assertThat(rows.get(2).data()).isEqualTo("{\"text\": \"Fine\", \"stars\": 3.25}");
        assertThat(rows.get(2).gold()).isEqualTo("{\"value\": \"negative\"}");
    }

    @Test
    void badLinesAreReportedByLineNumberAndTheGoodOnesKept() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        lines(body,
                "{\"id\": \"ok-1\", \"data\": {\"text\": \"fine\"}}",
                "{\"data\": {\"stars\": 4}}",
                "{\"data\": {\"text\": \"unterminated\"}",
                "{\"data\": {\"text\": \"x\", \"colour\": \"red\"}}",
                "{\"data\": {\"text\": \"x\"}, \"labels\": []}",
                "{\"data\": {\"text\": \"" + "y".repeat(70 * 1024) + "\"}}",
                "",
                "{\"data\": {\"text\": \"nul \\u0000 inside\"}}",
                "{\"data\": {\"text\": \"x\", \"stars\": 1e999999}}",
                "{\"data\": {\"text\": \"x\"}, \"gold\": {\"value\": \"maybe\"}}",
                "{\"data\": {\"text\": \"x\", \"photo\": \"ftp://nope\"}}");
        body.write(new byte[] {'{', '"', 'd', 'a', 't', 'a', '"', ':', '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '}', '\n'});
        lines(body, "{\"id\": \"ok-2\", \"data\": {\"text\": \"also fine\"}}");

        JsonPath job = ImportFixtures.request(client, JSON_LINES, body.toByteArray()).queryParam("wait", 30)
                .post(ImportFixtures.path(project)).then().statusCode(200)
                .body("status", equalTo("succeeded")).body("totalLines", equalTo(13)).body("linesDone", equalTo(13))
                .body("itemsImported", equalTo(2)).body("errorCount", equalTo(10)).body("errorsOmitted", equalTo(0))
                .extract().jsonPath();

        Map<Integer, String> reasons = reasonsByLine(job);
        assertThat(reasons.keySet()).containsExactly(2, 3, 4, 5, 6, 8, 9, 10, 11, 12);
        assertThat(reasons.get(2)).contains("'text' is required");
        assertThat(reasons.get(3)).contains("not valid JSON");
        assertThat(reasons.get(4)).contains("'colour' is not a data field of this project");
        assertThat(reasons.get(5)).contains("'labels' is not a key of a line");
        assertThat(reasons.get(6)).contains("longer than 65536 bytes");
        assertThat(reasons.get(8)).contains("NUL");
        assertThat(reasons.get(9)).contains("out of range");
        assertThat(reasons.get(10)).contains("gold:").contains("'maybe' is not an option");
        assertThat(reasons.get(11)).contains("'photo' must be an http(s) URL");
        assertThat(reasons.get(12)).contains("not valid UTF-8");
        assertThat(ImportedRows.items(dataSource, project)).extracting(ImportedRows.Row::externalId).containsExactly("ok-1", "ok-2");
    }

    @Test
    void brokenCsvRecordsAreReportedWithoutTakingTheirNeighboursAlong() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String body = String.join("\n",
                "_id,text,stars",
                "a,fine,1",
                "b,\"closed early\"oops,2",
                "c,two values only",
                "d,not a number,many",
                "e,\"also fine\",3",
                "f,\"never closed,4",
                "g,swallowed by the quote above,5");

        JsonPath job = ImportFixtures.imported(client, project, CSV, body).body("status", equalTo("succeeded"))
                .body("totalLines", equalTo(8)).body("itemsImported", equalTo(2)).body("errorCount", equalTo(4))
                .extract().jsonPath();

        Map<Integer, String> reasons = reasonsByLine(job);
        assertThat(reasons.keySet()).containsExactly(3, 4, 5, 7);
        assertThat(reasons.get(3)).contains("not valid CSV");
        assertThat(reasons.get(4)).contains("has 2 values, the header has 3 columns");
        assertThat(reasons.get(5)).contains("'stars' must be a number");
        assertThat(reasons.get(7)).contains("never closed").contains("line 8");
        assertThat(ImportedRows.items(dataSource, project)).extracting(ImportedRows.Row::externalId).containsExactly("a", "e");
    }

    @Test
    void aCsvHeaderThatDoesNotFitIsABadRequest() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());

        ImportFixtures.request(client, CSV, "stars,colour,stars\n1,red,2\n").post(ImportFixtures.path(project)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:invalid-csv-header"))
                .body("errors.message", org.hamcrest.Matchers.hasItems(
                        containsString("'colour' is not a data field"), containsString("'stars' appears twice"),
                        containsString("required data field 'text' has no column")));
    }

    @Test
    void anAtomicImportWithOneBadLineImportsNothing() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String body = "{\"data\": {\"text\": \"one\"}}\n{\"data\": {\"text\": 2}}\n{\"data\": {\"text\": \"three\"}}\n";

        ImportFixtures.request(client, JSON_LINES, body).queryParam("atomic", "true").queryParam("wait", 30)
                .post(ImportFixtures.path(project)).then().statusCode(200)
                .body("status", equalTo("failed")).body("atomic", equalTo(true))
                .body("failure.code", equalTo("atomic-rejected")).body("itemsImported", equalTo(0))
                .body("linesDone", equalTo(3)).body("errors[0].line", equalTo(2))
                .body("errors[0].reason", containsString("'text' must be text"));

        assertThat(ImportedRows.items(dataSource, project)).isEmpty();
        assertThat(ImportedRows.itemsImportedEvents(dataSource, project)).isEmpty();
    }

    @Test
    void duplicateExternalIdsAreReportedAgainstTheFileAndTheProject() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        ImportFixtures.imported(client, project, JSON_LINES, "{\"id\": \"old\", \"data\": {\"text\": \"already here\"}}\n")
                .body("itemsImported", equalTo(1));

        String body = String.join("\n",
                "{\"id\": \"new-1\", \"data\": {\"text\": \"a\"}}",
                "{\"id\": \"old\", \"data\": {\"text\": \"b\"}}",
                "{\"id\": \"new-1\", \"data\": {\"text\": \"c\"}}",
                "{\"id\": \"new-2\", \"data\": {\"text\": \"d\"}}");
        ImportFixtures.request(client, JSON_LINES, body).queryParam("atomic", "true").queryParam("wait", 30)
                .post(ImportFixtures.path(project)).then().statusCode(200)
                .body("status", equalTo("failed")).body("failure.code", equalTo("atomic-rejected")).body("errorCount", equalTo(2));
        assertThat(ImportedRows.items(dataSource, project)).hasSize(1);

        JsonPath job = ImportFixtures.imported(client, project, JSON_LINES, body).body("status", equalTo("succeeded"))
                .body("itemsImported", equalTo(2)).body("errorCount", equalTo(2)).extract().jsonPath();
        Map<Integer, String> reasons = reasonsByLine(job);
        assertThat(reasons.get(2)).isEqualTo("external id 'old' is already used by an item of this project");
        assertThat(reasons.get(3)).isEqualTo("external id 'new-1' already appears on line 1");
        assertThat(ImportedRows.items(dataSource, project)).extracting(ImportedRows.Row::externalId).containsExactly("old", "new-1", "new-2");
    }

    @Test
    void errorsBeyondTheReportAreCountedButNotListed() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            body.append("{\"data\": {}}\n");
        }

        ImportFixtures.imported(client, project, JSON_LINES, body.toString())
                .body("errorCount", equalTo(15)).body("errors", hasSize(10)).body("errorsOmitted", equalTo(5))
                .body("errors[9].line", equalTo(10));
    }

    @Test
    void someoneElsesProjectDoesNotExistForTheCallerAndNorDoesItsImport() {
        Person owner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(owner, ImportFixtures.reviewSchema(), Map.of());
        UUID job = ImportFixtures.importedJob(owner, project, "{\"data\": {\"text\": \"mine\"}}\n");
        Person stranger = TestAccounts.signedIn("client");

        ImportFixtures.request(stranger, JSON_LINES, "{\"data\": {\"text\": \"theirs\"}}\n").post(ImportFixtures.path(project))
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:not-found"));
        ImportFixtures.request(stranger, JSON_LINES, "{\"data\": {\"text\": \"theirs\"}}\n").post(ImportFixtures.path(UUID.randomUUID()))
                .then().statusCode(404);
        given().auth().oauth2(stranger.accessToken()).get("/api/v1/imports/" + job).then().statusCode(404);
        given().auth().oauth2(stranger.accessToken()).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestAccounts.signedIn("labeler").accessToken()).get("/api/v1/imports/" + job).then().statusCode(403);
    }

    @Test
    void closedProjectsTakeNoItems() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        ProjectFixtures.moveTo(client, project, "completed");

        ImportFixtures.request(client, JSON_LINES, "{\"data\": {\"text\": \"late\"}}\n").post(ImportFixtures.path(project))
                .then().statusCode(409).body("type", equalTo("urn:labelmint:problem:project-closed"));
        ProjectFixtures.moveTo(client, project, "archived");
        ImportFixtures.request(client, JSON_LINES, "{\"data\": {\"text\": \"later\"}}\n").post(ImportFixtures.path(project))
                .then().statusCode(409);
    }

    @Test
    void requestsThatCannotBeImportsAreRefusedWithAProblem() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String line = "{\"data\": {\"text\": \"x\"}}\n";

        ImportFixtures.request(client, "application/json", line).post(ImportFixtures.path(project)).then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:unsupported-media-type"));
        ImportFixtures.request(client, "text/csv; charset=windows-1252", "text\nx\n").post(ImportFixtures.path(project)).then()
                .statusCode(415).body("detail", containsString("UTF-8"));
        ImportFixtures.request(client, JSON_LINES, "").post(ImportFixtures.path(project)).then().statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:empty-import"));
        ImportFixtures.request(client, CSV, "\uFEFFtext\nx\n".getBytes(StandardCharsets.UTF_16LE)).post(ImportFixtures.path(project))
                .then().statusCode(400).body("type", equalTo("urn:labelmint:problem:not-utf8"));
        ImportFixtures.request(client, JSON_LINES, line).queryParam("atomic", "maybe").post(ImportFixtures.path(project)).then()
                .statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-parameter"));
        ImportFixtures.request(client, JSON_LINES, line).queryParam("wait", 3600).post(ImportFixtures.path(project)).then()
                .statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-parameter"));
        ImportFixtures.request(client, JSON_LINES, line).header("Idempotency-Key", "has spaces").post(ImportFixtures.path(project))
                .then().statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-idempotency-key"));
    }

    private static void lines(ByteArrayOutputStream body, String... lines) {
        for (String line : lines) {
            body.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<Integer, String> reasonsByLine(JsonPath job) {
        Map<Integer, String> reasons = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> errors = job.getList("errors");
        errors.forEach(error -> reasons.put((Integer) error.get("line"), (String) error.get("reason")));
        return reasons;
    }
}
