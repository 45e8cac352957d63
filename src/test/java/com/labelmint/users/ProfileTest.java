package com.labelmint.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileTest {

    @Test
    void aPersonEditsTheirProfileAndSkills() {
        Person labeler = TestAccounts.signedIn("labeler");

        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Grace", "language", "ru", "timezone", "Europe/Moscow"))
                .patch("/api/v1/users/me").then().statusCode(200)
                .body("displayName", equalTo("Grace")).body("language", equalTo("ru")).body("timezone", equalTo("Europe/Moscow"));
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON)
                .body(List.of(Map.of("tag", "medical-images", "level", 4), Map.of("tag", "ru", "level", 5)))
                .put("/api/v1/users/me/skills").then().statusCode(200).body("", hasSize(2));
        given().auth().oauth2(labeler.accessToken()).get("/api/v1/users/me/skills").then().statusCode(200)
                .body("tag", hasItem("medical-images")).body("find { it.tag == 'ru' }.level", equalTo(5));
    }

    @Test
    void badProfileInputIsAProblemAndChangesNothing() {
        Person client = TestAccounts.signedIn("client");
        String token = client.accessToken();

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timezone", "Mars/Olympus"))
                .patch("/api/v1/users/me").then().statusCode(400).body("type", equalTo("urn:labelmint:problem:unknown-timezone"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "tlh"))
                .patch("/api/v1/users/me").then().statusCode(400).body("type", equalTo("urn:labelmint:problem:unsupported-language"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("displayName", "   "))
                .patch("/api/v1/users/me").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(Map.of("tag", "Bad Tag!", "level", 3))).put("/api/v1/users/me/skills").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(Map.of("tag", "ok", "level", 9))).put("/api/v1/users/me/skills").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(Map.of("tag", "ok", "level", 2), Map.of("tag", "ok", "level", 3)))
                .put("/api/v1/users/me/skills").then().statusCode(400).body("type", equalTo("urn:labelmint:problem:duplicate-skill"));

        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200)
                .body("displayName", equalTo("Test client")).body("timezone", equalTo("UTC"));
        given().auth().oauth2(token).get("/api/v1/users/me/skills").then().statusCode(200).body("", hasSize(0));
    }
}
