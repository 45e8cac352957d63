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
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each kind of bad request gets its own 4xx as application/problem+json, and nothing leaks. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String CANARIES = "/api/v1/ops/event-canaries";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    DataSource dataSource;

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

    /**
     * Without a Content-Length the limit cannot be judged up front: the body is cut off once it passes it. The body
     * goes over a plain socket because the server answers and closes while the client is still sending; an HTTP
     * client library gives up on the broken send and never reads the answer, which is already there to be read.
     */
    @Test
    void aStreamedBodyOverTheLimitIs413() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + CANARIES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk("{\"count\": 1, \"padding\": \""));
            sendChunksUntilAnswered(out, in, chunk("x".repeat(64 * 1024)), 2 * 1024 * 1024 / (64 * 1024));

            String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    private static byte[] chunk(String data) {
        return (Integer.toHexString(data.length()) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void sendChunksUntilAnswered(OutputStream out, InputStream in, byte[] chunk, int count)
            throws InterruptedException {
        try {
            for (int sent = 0; sent < count && in.available() == 0; sent++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(5); // lets the answer arrive before the next chunk, so the sending stops soon after it
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByTheServer) {
            // expected once the server has refused the body: its answer is still waiting to be read
        }
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

    @Test
    void aTransactionThatLostADeadlockIsA503ToRetryNotAnInternalError() throws Exception {
        SQLException deadlock;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // PostgreSQL's own error with the state a lost deadlock has, through the driver as a request would meet it
            statement.execute("DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'; END $$");
            throw new AssertionError("the statement raised nothing");
        } catch (SQLException raised) {
            deadlock = raised;
        }
        Response response = new ProblemExceptionMappers().unexpected(new PersistenceException("could not execute statement", deadlock), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:labelmint:problem:transaction-conflict");
        assertThat(new ProblemExceptionMappers().unexpected(new PersistenceException("could not execute statement",
                new SQLException("unique violation", "23505")), null).getStatus()).as("another database error").isEqualTo(500);
    }
}
