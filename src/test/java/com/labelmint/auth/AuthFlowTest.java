package com.labelmint.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Register, sign in, refresh with rotation and theft detection, sign out: the session life cycle. */
@QuarkusTest
class AuthFlowTest {

    static final String PASSWORD = "correct horse battery staple";

    static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    static ValidatableResponse register(String email, String password, String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "displayName", "Ada Lovelace", "role", role))
                .post("/api/v1/auth/register").then();
    }

    static Map<String, Object> login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getMap("$");
    }

    static ValidatableResponse me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/v1/users/me").then();
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then();
    }

    @Test
    void aPersonRegistersSignsInAndSeesTheirAccount() {
        String email = uniqueEmail();

        register(email, PASSWORD, "labeler").statusCode(201)
                .header("Location", containsString("/api/v1/users/me"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("roles", hasItem("labeler"));
        Map<String, Object> tokens = login(email.toUpperCase(), PASSWORD);

        assertThat(tokens).containsKeys("accessToken", "refreshToken").containsEntry("tokenType", "Bearer");
        assertThat(((Number) tokens.get("expiresIn")).intValue()).isEqualTo(900);
        me((String) tokens.get("accessToken")).statusCode(200).body("roles", hasItem("labeler"));
    }

    @Test
    void aSecondAccountWithTheSameEmailIs409() {
        String email = uniqueEmail();
        register(email, PASSWORD, "client").statusCode(201);

        register(email.toUpperCase(), PASSWORD, "client").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:email-taken"));
    }

    @Test
    void weakCommonOrMalformedRegistrationsAreRefusedWithTheirReason() {
        register(uniqueEmail(), "short", "client").statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:validation"))
                .body("errors.field", hasItem("password"));
        register(uniqueEmail(), "password123", "client").statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:weak-password"));
        register("not-an-email", PASSWORD, "client").statusCode(400)
                .body("errors.field", hasItem("email"));
        register(uniqueEmail(), PASSWORD, "admin").statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:role-not-self-service"));
        register(uniqueEmail(), PASSWORD, "emperor").statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        register(email, PASSWORD, "client").statusCode(201);

        String wrongPassword = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "not the password"))
                .post("/api/v1/auth/login").then().statusCode(401).extract().jsonPath().getString("detail");
        String unknownEmail = given().contentType(ContentType.JSON).body(Map.of("email", uniqueEmail(), "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401).extract().jsonPath().getString("detail");

        assertThat(wrongPassword).isEqualTo(unknownEmail).isEqualTo("Invalid e-mail or password");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheWholeSession() {
        String email = uniqueEmail();
        register(email, PASSWORD, "labeler").statusCode(201);
        Map<String, Object> first = login(email, PASSWORD);

        Map<String, Object> second = refresh((String) first.get("refreshToken")).statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
        me((String) second.get("accessToken")).statusCode(200);

        // the first refresh token is presented again: someone else holds it
        refresh((String) first.get("refreshToken")).statusCode(401)
                .body("type", equalTo("urn:labelmint:problem:refresh-token-reused"));

        refresh((String) second.get("refreshToken")).statusCode(401)
                .body("type", equalTo("urn:labelmint:problem:invalid-refresh-token"));
        me((String) second.get("accessToken")).statusCode(401).contentType("application/problem+json");
        me((String) first.get("accessToken")).statusCode(401);
    }

    @Test
    void logoutEndsOneSessionAndLogoutAllEndsEveryOne() {
        String email = uniqueEmail();
        register(email, PASSWORD, "client").statusCode(201);
        Map<String, Object> phone = login(email, PASSWORD);
        Map<String, Object> laptop = login(email, PASSWORD);
        Map<String, Object> tablet = login(email, PASSWORD);

        given().auth().oauth2((String) phone.get("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);
        me((String) phone.get("accessToken")).statusCode(401);
        refresh((String) phone.get("refreshToken")).statusCode(401);
        me((String) laptop.get("accessToken")).statusCode(200);

        given().auth().oauth2((String) laptop.get("accessToken")).post("/api/v1/auth/logout-all").then().statusCode(204);
        me((String) laptop.get("accessToken")).statusCode(401);
        me((String) tablet.get("accessToken")).statusCode(401);
        refresh((String) tablet.get("refreshToken")).statusCode(401);
    }

    @Test
    void anUnknownRefreshTokenIs401() {
        refresh("made-up-token").statusCode(401)
                .body("type", equalTo("urn:labelmint:problem:invalid-refresh-token"));
    }

    @Test
    void protectedEndpointsWithoutATokenAre401Problems() {
        given().get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:unauthorized"));
        given().post("/api/v1/auth/logout").then().statusCode(401);
    }
}
