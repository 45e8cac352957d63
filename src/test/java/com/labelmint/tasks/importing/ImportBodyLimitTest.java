package com.labelmint.tasks.importing;

import static com.labelmint.tasks.ImportFixtures.JSON_LINES;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Import bodies may be far larger than the 1 MB other endpoints take, up to {@code labelmint.import.max-bytes}
 * (32 MB in tests), and past that they are refused with a problem whether their length is declared or not.
 */
@QuarkusTest
class ImportBodyLimitTest {

    private static final String LINE = "{\"data\": {\"text\": \"a line of a body that goes on and on\"}}\n";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "labelmint.import.max-bytes")
    MemorySize maxBytes;

    @Test
    void aBodyOverTheOrdinaryLimitIsImported() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        long bytes = 3L * 1024 * 1024;

        HttpResponse<String> declared = send(client, project, bytes, true);
        HttpResponse<String> streamed = send(client, project, bytes, false);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(declared.body()).contains("\"status\":\"succeeded\"").contains("\"itemsImported\":" + lines(bytes));
    }

    @Test
    void aStreamedBodyOverTheImportLimitIsRefusedWithAProblem() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());

        HttpResponse<String> response = send(client, project, maxBytes.asLongValue() + LINE.length(), false);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:labelmint:problem:payload-too-large").contains("split it");
    }

    /** A declared length over the limit is refused on the request's head alone: the body is never sent. */
    @Test
    void aDeclaredBodyOverTheImportLimitIsRefusedBeforeItIsSent() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        String head = "POST " + ImportFixtures.path(project) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + client.accessToken() + "\r\nContent-Type: " + JSON_LINES + "\r\n"
                + "Content-Length: " + (maxBytes.asLongValue() + 1) + "\r\nExpect: 100-continue\r\n\r\n";

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("payload-too-large");
        }
    }

    /** Sends about {@code bytes} of JSON lines, with a Content-Length or chunked; waits for the job. */
    private HttpResponse<String> send(Person client, UUID project, long bytes, boolean declareLength) throws Exception {
        long lines = lines(bytes);
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatedLine(lines));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ImportFixtures.path(project) + "?wait=60"))
                .header("Authorization", "Bearer " + client.accessToken()).header("Content-Type", JSON_LINES)
                .POST(declareLength ? HttpRequest.BodyPublishers.fromPublisher(stream, lines * LINE.length()) : stream).build();
        // HTTP/1.1: by default the client first asks to upgrade to HTTP/2
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long lines(long bytes) {
        return bytes / LINE.length() + (bytes % LINE.length() == 0 ? 0 : 1);
    }

    /** {@code lines} copies of {@link #LINE}, made as they are read. */
    private static final class RepeatedLine extends InputStream {
        private final byte[] line = LINE.getBytes(StandardCharsets.UTF_8);
        private final long total;
        private long position;

        RepeatedLine(long lines) {
            this.total = lines * line.length;
        }

        @Override
        public int read() {
            return position < total ? line[(int) (position++ % line.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int count = (int) Math.min(length, total - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = line[(int) (position++ % line.length)];
            }
            return count;
        }
    }
}
