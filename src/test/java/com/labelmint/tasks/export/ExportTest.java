package com.labelmint.tasks.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exports read what consensus decided (set here directly) and what labelers answered (through the real queue). */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> BOXES = Map.of(
            "dataFields", List.of(Map.of("name", "image", "type", "image", "required", true),
                    Map.of("name", "width", "type", "number", "required", false),
                    Map.of("name", "height", "type", "number", "required", false)),
            "label", Map.of("type", "bounding_boxes", "classes", List.of("car", "person"), "maxBoxes", 20));

    @Inject
    DataSource dataSource;

    private Person owner;

    @BeforeEach
    void onlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
        owner = TestAccounts.signedIn("client");
    }

    @Test
    void jsonLinesCarryDataLabelConfidenceAndOnRequestEveryAnswer() throws Exception {
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        ImportFixtures.imported(owner, project, ImportFixtures.JSON_LINES,
                "{\"id\": \"r-1\", \"data\": {\"text\": \"Great, \\\"really\\\" great\"}}\n{\"id\": \"r-2\", \"data\": {\"text\": \"Meh\"}}\n");
        Person labeler = TestAccounts.signedIn("labeler");
        String lease = given().auth().oauth2(labeler.accessToken()).post("/api/v1/tasks/next").then().statusCode(200)
                .extract().jsonPath().getString("leaseId");
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("answer", Map.of("value", "positive")))
                .post("/api/v1/tasks/" + lease + "/answer").then().statusCode(200);
        QueueFixtures.execute(dataSource, "UPDATE tasks.item SET label = '{\"value\": \"positive\"}', label_confidence = 0.93, "
                + "label_method = 'ds' WHERE project_id = ? AND external_id = 'r-1'", project);

        List<JsonNode> lines = jsonLines(export(project, "jsonl", true));

        assertThat(lines).hasSize(2);
        Map<String, JsonNode> byExternalId = new HashMap<>();
        lines.forEach(line -> byExternalId.put(line.get("externalId").asText(), line));
        JsonNode labelled = byExternalId.get("r-1");
        assertThat(labelled.get("data").get("text").asText()).isEqualTo("Great, \"really\" great");
        assertThat(labelled.get("label").get("value").asText()).isEqualTo("positive");
        assertThat(labelled.get("confidence").asDouble()).isEqualTo(0.93);
        assertThat(labelled.get("method").asText()).isEqualTo("ds");
        assertThat(byExternalId.get("r-2").get("label").isNull()).isTrue();
        assertThat(lines.stream().mapToInt(line -> line.get("answers").size()).sum()).isEqualTo(1);
        assertThat(lines.stream().filter(line -> line.get("answers").size() == 1).findFirst().orElseThrow()
                .get("answers").get(0).get("labelerId").asText()).isEqualTo(labeler.id().toString());
        assertThat(jsonLines(export(project, "jsonl", false))).allSatisfy(line -> assertThat(line.has("answers")).isFalse());
    }

    @Test
    void csvHasAColumnPerDataFieldAndQuotesWhatNeedsIt() throws Exception {
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));
        ImportFixtures.imported(owner, project, ImportFixtures.JSON_LINES, "{\"id\": \"a\", \"data\": {\"text\": \"one, \\\"two\\\"\\nthree\"}}\n");
        QueueFixtures.execute(dataSource, "UPDATE tasks.item SET label = '{\"value\": \"neutral\"}', label_confidence = 0.5, "
                + "label_method = 'mv' WHERE project_id = ?", project);

        String csv = new String(export(project, "csv", false), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("item_id,external_id,text,label,confidence,method\n");
        assertThat(csv).endsWith(",a,\"one, \"\"two\"\"\nthree\",neutral,0.5,mv\n");
    }

    @Test
    void boxProjectsExportAsCocoInPixelsAndAsAYoloZip() throws Exception {
        UUID project = ProjectFixtures.active(owner, BOXES, Map.of("goldRate", 0));
        ImportFixtures.imported(owner, project, ImportFixtures.JSON_LINES,
                "{\"id\": \"street\", \"data\": {\"image\": \"https://img.example/street.jpg\", \"width\": 640, \"height\": 480}}\n");
        QueueFixtures.execute(dataSource, "UPDATE tasks.item SET label = '{\"boxes\": [{\"class\": \"person\", \"x\": 0.25, \"y\": 0.5, "
                + "\"w\": 0.5, \"h\": 0.25}]}', label_confidence = 1, label_method = 'box-fusion' WHERE project_id = ?", project);

        JsonNode coco = JSON.readTree(export(project, "coco", false));
        assertThat(coco.get("categories").get(1).get("name").asText()).isEqualTo("person");
        assertThat(coco.get("images").get(0).get("file_name").asText()).isEqualTo("https://img.example/street.jpg");
        JsonNode annotation = coco.get("annotations").get(0);
        assertThat(annotation.get("category_id").asInt()).isEqualTo(2);
        assertThat(annotation.get("image_id").asLong()).isEqualTo(coco.get("images").get(0).get("id").asLong());
        assertThat(JSON.convertValue(annotation.get("bbox"), double[].class)).containsExactly(160, 240, 320, 120);
        assertThat(annotation.get("area").asDouble()).isCloseTo(38_400, within(1e-6));

        Map<String, String> zip = unzip(export(project, "yolo", false));
        long itemId = coco.get("images").get(0).get("id").asLong();
        assertThat(zip.get("labels/" + itemId + ".txt")).isEqualTo("1 0.500000 0.625000 0.500000 0.250000\n");
        assertThat(zip.get("classes.txt")).isEqualTo("car\nperson\n");
        assertThat(zip.get("images.csv")).isEqualTo("item_id,external_id,image\n" + itemId + ",street,https://img.example/street.jpg\n");
    }

    @Test
    void unknownFormatsBoxFormatsForOtherLabelsAndStrangersAreRefused() {
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));

        given().auth().oauth2(owner.accessToken()).queryParam("format", "xml").get(path(project)).then().statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:unknown-export-format"));
        given().auth().oauth2(owner.accessToken()).queryParam("format", "coco").get(path(project)).then().statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:export-format-needs-boxes"));
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).get(path(project)).then().statusCode(404);
    }

    private byte[] export(UUID project, String format, boolean answers) {
        return given().auth().oauth2(owner.accessToken()).queryParam("format", format).queryParam("answers", answers)
                .get(path(project)).then().statusCode(200).extract().asByteArray();
    }

    private static String path(UUID project) {
        return "/api/v1/projects/" + project + "/export";
    }

    private static List<JsonNode> jsonLines(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
