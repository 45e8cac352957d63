package com.labelmint.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (slowloris): hundreds of connections that send half a request and then nothing. Quarkus REST reads
 * a blocking endpoint's body on a worker thread, so each stalled body holds one; {@code labelmint.http.body-deadline}
 * (3 s in tests) cuts them off with a 408, so a sign-in among them (password hashing on a worker) is delayed by
 * about that much, not held up for as long as they care to stall.
 */
@QuarkusTest
class SlowClientsTest {

    /** More stalled bodies than the worker pool has threads (200): each would hold one if it were read there. */
    private static final int SLOW_CLIENTS = 360;

    @TestHTTPResource("/")
    URL server;

    @Test
    void connectionsThatNeverFinishTheirRequestDoNotHoldUpOthers() throws Exception {
        String email = TestAccounts.signedIn("labeler").email();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(server.getHost(), server.getPort());
                OutputStream out = socket.getOutputStream();
                // a few stall in the headers, the rest in a body that says 1 000 bytes are coming
                String request = i % 6 == 0
                        ? "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                        : "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 1000\r\n\r\n{\"email\": \"";
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            long started = System.nanoTime();
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(millis).as("a sign-in among %d stalled requests", SLOW_CLIENTS).isLessThan(15_000);
            Socket stalledBody = slow.get(1);
            stalledBody.setSoTimeout(30_000);
            String answer = new String(stalledBody.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
