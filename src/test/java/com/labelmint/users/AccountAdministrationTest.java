package com.labelmint.users;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdministrationTest {

    @Inject
    DataSource dataSource;

    private Person admin;

    @BeforeEach
    void anAdmin() throws Exception {
        admin = TestAccounts.admin(dataSource);
    }

    @Test
    void anAdminAppointsAReviewer() {
        Person labeler = TestAccounts.signedIn("labeler");

        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("labeler", "reviewer")))
                .put("/api/v1/users/" + labeler.id() + "/roles").then().statusCode(200)
                .body("roles", containsInAnyOrder("labeler", "reviewer"));
        given().auth().oauth2(admin.accessToken()).get("/api/v1/users/" + labeler.id()).then().statusCode(200)
                .body("roles", containsInAnyOrder("labeler", "reviewer"));
    }

    @Test
    void onlyAdminsManageAccounts() {
        Person client = TestAccounts.signedIn("client");
        Person labeler = TestAccounts.signedIn("labeler");

        given().auth().oauth2(client.accessToken()).get("/api/v1/users/" + labeler.id()).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:forbidden"));
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put("/api/v1/users/" + labeler.id() + "/roles").then().statusCode(403);
        given().get("/api/v1/users/" + labeler.id()).then().statusCode(401);
    }

    @Test
    void aBanEndsEverySessionAndStopsSignInUntilLifted() {
        Person labeler = TestAccounts.signedIn("labeler");

        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "answers at random", "until", Instant.now().plus(Duration.ofDays(7)).toString()))
                .post("/api/v1/users/" + labeler.id() + "/ban").then().statusCode(200).body("banned", equalTo(true));

        // the auth module hears UserBanned through the event bus and ends the sessions
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(labeler.accessToken()).get("/api/v1/users/me").then().extract().statusCode() == 401);
        given().contentType(ContentType.JSON).body(Map.of("email", labeler.email(), "password", TestAccounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(403)
                .body("type", equalTo("urn:labelmint:problem:account-banned"));

        given().auth().oauth2(admin.accessToken()).post("/api/v1/users/" + labeler.id() + "/unban").then().statusCode(200)
                .body("banned", equalTo(false));
        TestAccounts.login(labeler.email(), Map.of());
    }

    @Test
    void badAdministrationRequestsAreProblems() {
        Person labeler = TestAccounts.signedIn("labeler");
        String token = admin.accessToken();

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "until", Instant.now().minus(Duration.ofDays(1)).toString()))
                .post("/api/v1/users/" + labeler.id() + "/ban").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("roles", List.of()))
                .put("/api/v1/users/" + labeler.id() + "/roles").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("roles", List.of("emperor")))
                .put("/api/v1/users/" + labeler.id() + "/roles").then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/users/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/users/" + labeler.id() + "/unban").then().statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:not-banned"));
        given().auth().oauth2(token).get("/api/v1/users/not-a-uuid").then().statusCode(404);
    }
}
