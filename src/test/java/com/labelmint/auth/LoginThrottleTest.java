package com.labelmint.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brute force: after five failed sign-ins the sixth attempt is refused, even with the right password. */
@QuarkusTest
class LoginThrottleTest {

    private static ValidatableResponse attempt(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedEvenWithTheRightPassword() {
        String email = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201);

        for (int i = 1; i <= 5; i++) {
            attempt(email, "wrong password " + i).statusCode(401);
        }
        attempt(email, AuthFlowTest.PASSWORD).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:labelmint:problem:too-many-failed-logins"));

        // another account is not affected
        String other = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(other, AuthFlowTest.PASSWORD, "client").statusCode(201);
        attempt(other, AuthFlowTest.PASSWORD).statusCode(200);
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String nobody = AuthFlowTest.uniqueEmail();
        for (int i = 1; i <= 5; i++) {
            attempt(nobody, "guess " + i).statusCode(401);
        }
        attempt(nobody, "guess 6").statusCode(429);
    }

    @Test
    void successfulSignInsSpendNothing() {
        String email = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201);
        for (int i = 0; i < 8; i++) {
            attempt(email, AuthFlowTest.PASSWORD).statusCode(200);
        }
    }
}
