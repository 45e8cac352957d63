package com.labelmint.platform.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each kind of bad request gets its own 4xx as application/problem+json, and nothing leaks. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String CANARIES = "/api/v1/ops/event-canaries";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void malformedJsonIs400WithItsOwnType() {
        given().contentType(ContentType.JSON).body("{\"count\": 3,")
                .when().post(CANARIES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:malformed-json"))
                .body("status", equalTo(400))
                .body("instance", equalTo(CANARIES))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"count\": \"many\"}")
                .when().post(CANARIES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:invalid-json-value"))
                .body("detail", containsString("count"));
    }

    @Test
    void failedValidationIs400WithFieldErrors() {
        given().contentType(ContentType.JSON).body("{\"count\": 0, \"perTransaction\": 20000}")
                .when().post(CANARIES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:validation"))
                .body("errors.field", hasItem(containsString("count")))
                .body("errors.field", hasItem(containsString("perTransaction")));
    }

    @Test
    void aMissingBodyIs400() {
        given().contentType(ContentType.JSON)
                .when().post(CANARIES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theWrongContentTypeIs415() {
        given().contentType(ContentType.XML).body("<count>3</count>")
                .when().post(CANARIES)
                .then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:unsupported-media-type"));
    }

    @Test
    void theWrongMethodIs405() {
        given().when().delete(CANARIES)
                .then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:method-not-allowed"));
    }

    @Test
    void anUnknownApiRouteIs404() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:not-found"));
    }

    @Test
    void anUnknownRouteOutsideTheApiIs404Too() {
        given().when().get("/definitely/not/here.html")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:not-found"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"count\": 1, \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post(CANARIES)
                .then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:payload-too-large"));
    }

    /** Without a Content-Length the limit cannot be judged up front: the body is cut off once it passes it. */
    @Test
    void aStreamedBodyOverTheLimitIs413() throws Exception {
        byte[] huge = ("{\"count\": 1, \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + CANARIES))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        given().contentType(ContentType.JSON).body("{\"count\": 1, \"colour\": \"red\"}")
                .when().post(CANARIES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:unknown-field"))
                .body("detail", containsString("colour"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().when().get("/no/such/page")
                .then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAnswersOnlyAllowedOrigins() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .when().options(CANARIES)
                .then().header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options(CANARIES)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
