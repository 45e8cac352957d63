package com.labelmint.tasks;

import static io.restassured.RestAssured.given;

import com.labelmint.testing.TestAccounts.Person;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Item imports made through the public API, for tests of any module. */
public final class ImportFixtures {

    public static final String JSON_LINES = "application/x-ndjson";
    public static final String CSV = "text/csv";
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private ImportFixtures() {
    }

    /** A project with a text, a number and an image field, labeled by single choice; overlap 3. */
    public static Map<String, Object> reviewSchema() {
        return Map.of(
                "dataFields", List.of(
                        Map.of("name", "text", "type", "text", "required", true),
                        Map.of("name", "stars", "type", "number", "required", false),
                        Map.of("name", "photo", "type", "image", "required", false)),
                "label", Map.of("type", "single_choice", "options", List.of(
                        Map.of("value", "positive", "title", "Positive"),
                        Map.of("value", "negative", "title", "Negative"))));
    }

    /**
     * A request to import {@code body} (bytes, so that tests can send anything, broken UTF-8 included). The path's
     * colon goes as it is (REST Assured would otherwise send {@code items%3Aimport}, which nothing serves), and the
     * Content-Type as given (REST Assured would otherwise claim ISO-8859-1, which imports refuse).
     */
    public static RequestSpecification request(Person person, String contentType, byte[] body) {
        return request(person, contentType).body(body);
    }

    /** The same, for a body given later (a file, say). */
    public static RequestSpecification request(Person person, String contentType) {
        return given().config(AS_GIVEN).urlEncodingEnabled(false).auth().oauth2(person.accessToken()).contentType(contentType);
    }

    public static RequestSpecification request(Person person, String contentType, String body) {
        return request(person, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static String path(UUID project) {
        return "/api/v1/projects/" + project + "/items:import";
    }

    /** Imports and waits for the job to finish: the finished job. */
    public static ValidatableResponse imported(Person person, UUID project, String contentType, String body) {
        return request(person, contentType, body).queryParam("wait", 30).post(path(project)).then().statusCode(200);
    }

    /** The id of a finished import of {@code lines} JSON lines. */
    public static UUID importedJob(Person person, UUID project, String lines) {
        return UUID.fromString(imported(person, project, JSON_LINES, lines).extract().jsonPath().getString("id"));
    }
}
