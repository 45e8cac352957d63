package com.labelmint.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** People for tests, made through the public API (an admin needs one SQL update: admins are appointed). */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private TestAccounts() {
    }

    public record Person(UUID id, String email, String accessToken) {
    }

    public static Person signedIn(String role) {
        String email = "person-" + UUID.randomUUID() + "@example.org";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Test " + role, "role", role))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath().getString("id");
        return new Person(UUID.fromString(id), email, login(email, Map.of()));
    }

    /** An admin with TOTP on, signed in with a code: the only way admin powers are granted. */
    public static Person admin(DataSource dataSource) throws Exception {
        Person person = signedIn("client");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement appoint = connection.prepareStatement("UPDATE users.account SET roles = '{admin}' WHERE id = ?")) {
            appoint.setObject(1, person.id());
            appoint.executeUpdate();
        }
        String secret = given().auth().oauth2(person.accessToken()).post("/api/v1/auth/mfa/totp/enroll")
                .then().statusCode(200).extract().jsonPath().getString("secret");
        long step = Rfc6238.currentStep();
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of("code", Rfc6238.code(secret, step)))
                .post("/api/v1/auth/mfa/totp/confirm").then().statusCode(200);
        return new Person(person.id(), person.email(), login(person.email(), Map.of("totpCode", Rfc6238.code(secret, step + 1))));
    }

    public static String login(String email, Map<String, String> extra) {
        Map<String, String> body = new java.util.HashMap<>(extra);
        body.put("email", email);
        body.put("password", PASSWORD);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
    }
}
