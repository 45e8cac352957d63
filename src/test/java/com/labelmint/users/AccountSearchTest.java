package com.labelmint.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountSearchTest {

    @Inject
    DataSource dataSource;

    private Person admin;

    @BeforeEach
    void anAdmin() throws Exception {
        admin = TestAccounts.admin(dataSource);
    }

    @Test
    void adminsFindPeopleByNameFragmentRoleAndBan() {
        String tribe = "Zorblax" + UUID.randomUUID().toString().substring(0, 6);
        UUID client = register(tribe + " Client", "client");
        UUID labeler = register("the " + tribe.toLowerCase() + " labeler", "labeler");
        UUID banned = register(tribe + " Spammer", "labeler");
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "spam", "until", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/v1/users/" + banned + "/ban").then().statusCode(200);

        assertThat(ids(Map.of("q", tribe.toUpperCase()))).containsExactly(banned, labeler, client);
        assertThat(ids(Map.of("q", tribe, "role", "labeler"))).containsExactly(banned, labeler);
        assertThat(ids(Map.of("q", tribe, "role", "labeler", "banned", "false"))).containsExactly(labeler);
        assertThat(ids(Map.of("q", tribe, "banned", "true"))).containsExactly(banned);
        assertThat(ids(Map.of("q", client.toString()))).containsExactly(client);
        assertThat(ids(Map.of("q", "%"))).doesNotContain(client);
    }

    @Test
    void pagesWalkEveryMatchOnceNewestFirst() {
        String tribe = "Pagewalk" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(0, register(tribe + " " + i, "labeler"));
        }
        List<UUID> walked = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(admin.accessToken()).queryParam("q", tribe).queryParam("limit", 2);
            JsonPath page = (after == null ? request : request.queryParam("after", after))
                    .get("/api/v1/users").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id", String.class).stream().map(UUID::fromString).toList());
            after = page.getString("next");
        } while (after != null);
        assertThat(walked).isEqualTo(registered);
    }

    @Test
    void badFiltersAreProblemsAndOnlyAdminsSearch() {
        given().auth().oauth2(admin.accessToken()).queryParam("role", "overlord").get("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:labelmint:problem:unknown-role"));
        given().auth().oauth2(admin.accessToken()).queryParam("banned", "maybe").get("/api/v1/users").then().statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:bad-filter"));
        given().auth().oauth2(admin.accessToken()).queryParam("after", "garbage!").get("/api/v1/users").then().statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:bad-cursor"));
        given().auth().oauth2(admin.accessToken()).queryParam("limit", 201).get("/api/v1/users").then().statusCode(400);
        given().auth().oauth2(TestAccounts.signedIn("client").accessToken()).get("/api/v1/users").then().statusCode(403);
        given().get("/api/v1/users").then().statusCode(401);
    }

    private static UUID register(String displayName, String role) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", UUID.randomUUID() + "@example.org", "password", TestAccounts.PASSWORD,
                        "displayName", displayName, "role", role))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }

    private List<UUID> ids(Map<String, String> query) {
        return given().auth().oauth2(admin.accessToken()).queryParams(query).get("/api/v1/users").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }
}
