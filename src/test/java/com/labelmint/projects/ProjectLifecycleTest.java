package com.labelmint.projects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectLifecycleTest {

    @Inject
    DataSource dataSource;

    @Test
    void aClientCreatesAProjectWithDefaultsAndOnlyTheySeeIt() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.draft(client, ProjectFixtures.sentimentSchema(),
                Map.of("overlap", 3, "rewardPerAnswer", Map.of("amount", "0.05", "currency", "USDT")));

        given().auth().oauth2(client.accessToken()).get("/api/v1/projects/" + project).then().statusCode(200)
                .body("status", equalTo("draft")).body("ownerId", equalTo(client.id().toString()))
                .body("settings.overlap", equalTo(3)).body("settings.maxOverlap", equalTo(5))
                .body("settings.rewardPerAnswer.amount", equalTo("0.050000")).body("settings.leaseSeconds", equalTo(600))
                .body("settings.aggregation", equalTo("ds")).body("schema.label.type", equalTo("single_choice"))
                .body("members.labelerAccess", equalTo("open")).body("version", equalTo(2));
        given().auth().oauth2(client.accessToken()).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", hasItem(project.toString()));

        Person stranger = TestAccounts.signedIn("client");
        given().auth().oauth2(stranger.accessToken()).get("/api/v1/projects/" + project).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "mine now"))
                .patch("/api/v1/projects/" + project).then().statusCode(404);
        given().auth().oauth2(stranger.accessToken()).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", not(hasItem(project.toString())));
    }

    @Test
    void schemasThatCannotWorkAreRefusedWithEveryReason() {
        Person client = TestAccounts.signedIn("client");
        Map<String, Object> oneOption = Map.of("dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                "label", Map.of("type", "single_choice", "options", List.of(Map.of("value", "only"))));
        create(client, oneOption).statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-schema"))
                .body("errors[0].field", equalTo("schema"));

        Map<String, Object> boxesWithoutImage = Map.of("dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                "label", Map.of("type", "bounding_boxes", "classes", List.of("car"), "maxBoxes", 10));
        create(client, boxesWithoutImage).statusCode(400).body("detail", org.hamcrest.Matchers.containsString("image"));

        Map<String, Object> duplicateFields = Map.of("dataFields", List.of(Map.of("name", "a", "type", "text", "required", true),
                Map.of("name", "a", "type", "number", "required", false)),
                "label", Map.of("type", "rating", "min", 5, "max", 1));
        create(client, duplicateFields).statusCode(400).body("errors.message", org.hamcrest.Matchers.hasSize(2));

        Map<String, Object> unknownKind = Map.of("dataFields", List.of(Map.of("name", "a", "type", "text", "required", true)),
                "label", Map.of("type", "telepathy"));
        create(client, unknownKind).statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "schema", ProjectFixtures.sentimentSchema(),
                        "settings", Map.of("rewardPerAnswer", Map.of("amount", "0.0000001", "currency", "USDT"))))
                .post("/api/v1/projects").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "schema", ProjectFixtures.sentimentSchema(), "settings", Map.of("overlap", 5, "maxOverlap", 4)))
                .post("/api/v1/projects").then().statusCode(400).body("type", equalTo("urn:labelmint:problem:invalid-settings"));
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "schema", ProjectFixtures.sentimentSchema(), "settings", Map.of("overlap", 16)))
                .post("/api/v1/projects").then().statusCode(400);
        assertThat(given().auth().oauth2(client.accessToken()).get("/api/v1/projects").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void aFlaggedLabelerIsExcludedUnlessTheProjectSaysOtherwiseAndOnlyKnownActionsAreAccepted() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(), Map.of());
        given().auth().oauth2(client.accessToken()).get("/api/v1/projects/" + project).then().statusCode(200)
                .body("settings.fraudAction", equalTo("exclude"));

        patch(client, project, Map.of("settings", Map.of("fraudAction", "request_ban"))).statusCode(200)
                .body("settings.fraudAction", equalTo("request_ban"));

        patch(client, project, Map.of("settings", Map.of("fraudAction", "ban"))).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:invalid-json-value"))
                .body("detail", org.hamcrest.Matchers.containsString("settings.fraudAction"))
                .body("detail", org.hamcrest.Matchers.containsString("expected warn, exclude or request_ban"));
        given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "schema", ProjectFixtures.sentimentSchema(), "settings", Map.of("fraudAction", 3)))
                .post("/api/v1/projects").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(client.accessToken()).get("/api/v1/projects/" + project).then().statusCode(200)
                .body("settings.fraudAction", equalTo("request_ban"));
    }

    @Test
    void statusesMoveOnlyAlongTheLifecycleAndTermsFreezeOnActivation() {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.draft(client, ProjectFixtures.sentimentSchema(), Map.of());

        moveTo(client, project, "completed").statusCode(409).body("type", equalTo("urn:labelmint:problem:status-transition"));
        moveTo(client, project, "active").statusCode(200).body("status", equalTo("active"));
        moveTo(client, project, "draft").statusCode(409);

        patch(client, project, Map.of("name", "Renamed", "settings", Map.of("priority", 90))).statusCode(200)
                .body("name", equalTo("Renamed")).body("settings.priority", equalTo(90));
        patch(client, project, Map.of("settings", Map.of("overlap", 7))).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:terms-fixed"));
        patch(client, project, Map.of("schema", ProjectFixtures.sentimentSchema())).statusCode(409);
        given().auth().oauth2(client.accessToken()).delete("/api/v1/projects/" + project).then().statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:not-a-draft"));

        moveTo(client, project, "paused").statusCode(200);
        moveTo(client, project, "active").statusCode(200);
        moveTo(client, project, "completed").statusCode(200);
        patch(client, project, Map.of("name", "Too late")).statusCode(409).body("type", equalTo("urn:labelmint:problem:project-closed"));
        moveTo(client, project, "archived").statusCode(200);
        moveTo(client, project, "active").statusCode(409);
        moveTo(client, project, "sleeping").statusCode(400);

        UUID draft = ProjectFixtures.draft(client, ProjectFixtures.sentimentSchema(), Map.of());
        given().auth().oauth2(client.accessToken()).delete("/api/v1/projects/" + draft).then().statusCode(204);
        given().auth().oauth2(client.accessToken()).get("/api/v1/projects/" + draft).then().statusCode(404);
    }

    @Test
    void coOwnersManageReviewersReadAndMembersMustHoldTheirRole() throws Exception {
        Person owner = TestAccounts.signedIn("client");
        Person coOwner = TestAccounts.signedIn("client");
        Person labeler = TestAccounts.signedIn("labeler");
        Person reviewer = reviewer();
        UUID project = ProjectFixtures.draft(owner, ProjectFixtures.sentimentSchema(), Map.of());

        members(owner, project, List.of(labeler.id()), List.of(), List.of()).statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:missing-role"));
        members(owner, project, List.of(UUID.randomUUID()), List.of(), List.of()).statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:unknown-account"));
        members(owner, project, List.of(coOwner.id()), List.of(reviewer.id()), List.of(labeler.id())).statusCode(200)
                .body("members.labelerAccess", equalTo("allow-list"))
                .body("members.allowedLabelers", org.hamcrest.Matchers.contains(labeler.id().toString()));

        patch(coOwner, project, Map.of("description", "by the co-owner")).statusCode(200);
        given().auth().oauth2(reviewer.accessToken()).get("/api/v1/projects/" + project).then().statusCode(200)
                .body("description", equalTo("by the co-owner"));
        given().auth().oauth2(reviewer.accessToken()).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", hasItem(project.toString()));
        given().auth().oauth2(coOwner.accessToken()).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", hasItem(project.toString()));
    }

    private Person reviewer() throws Exception {
        Person admin = TestAccounts.admin(dataSource);
        Person person = TestAccounts.signedIn("labeler");
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of("reviewer")))
                .put("/api/v1/users/" + person.id() + "/roles").then().statusCode(200);
        return new Person(person.id(), person.email(), TestAccounts.login(person.email(), Map.of()));
    }

    private static ValidatableResponse create(Person client, Map<String, Object> schema) {
        return given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Broken", "schema", schema)).post("/api/v1/projects").then();
    }

    private static ValidatableResponse moveTo(Person client, UUID project, String status) {
        return given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v1/projects/" + project + "/status").then();
    }

    private static ValidatableResponse patch(Person client, UUID project, Map<String, Object> body) {
        return given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/projects/" + project).then();
    }

    private static ValidatableResponse members(Person client, UUID project, List<UUID> coOwners, List<UUID> reviewers, List<UUID> labelers) {
        return given().auth().oauth2(client.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("coOwners", coOwners, "reviewers", reviewers,
                        "labelerAccess", labelers.isEmpty() ? "open" : "allow-list", "allowedLabelers", labelers))
                .put("/api/v1/projects/" + project + "/members").then();
    }
}
