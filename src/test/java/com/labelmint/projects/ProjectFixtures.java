package com.labelmint.projects;

import static io.restassured.RestAssured.given;

import com.labelmint.testing.TestAccounts.Person;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects made through the public API, for tests of any module. */
public final class ProjectFixtures {

    private ProjectFixtures() {
    }

    public static Map<String, Object> sentimentSchema() {
        return Map.of(
                "dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                "label", Map.of("type", "single_choice", "options", List.of(
                        Map.of("value", "positive", "title", "Positive"),
                        Map.of("value", "negative", "title", "Negative"),
                        Map.of("value", "neutral", "title", "Neutral"))));
    }

    public static UUID draft(Person client, Map<String, Object> schema, Map<String, Object> settings) {
        String id = given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Sentiment of reviews", "schema", schema, "settings", settings))
                .post("/api/v1/projects").then().statusCode(201).extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }

    public static UUID active(Person client, Map<String, Object> schema, Map<String, Object> settings) {
        UUID project = draft(client, schema, settings);
        moveTo(client, project, "active");
        return project;
    }

    public static void moveTo(Person client, UUID project, String status) {
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v1/projects/" + project + "/status").then().statusCode(200);
    }
}
