package com.labelmint.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Zip bombs: a few kilobytes of gzip that would inflate to hundreds of megabytes. LabelMint never inflates a request
 * body, and says so with a 415 problem instead of misreading the compressed bytes; nothing is stored.
 */
@QuarkusTest
class EncodedBodiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long HUNDREDS_OF_MEGABYTES = 256L * 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    @Inject
    DataSource database;

    @Test
    void aGzippedImportIsRefusedAndImportsNothing() throws Exception {
        Person client = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(client, ImportFixtures.reviewSchema(), Map.of());
        byte[] bomb = ZipBombs.gzipOf("{\"data\": {\"text\": \"great product, would buy again\"}}\n", HUNDREDS_OF_MEGABYTES);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        HttpResponse<String> response = post(ImportFixtures.path(project), client, ImportFixtures.JSON_LINES, "gzip", bomb);

        assertUnsupportedEncoding(response, "gzip");
        assertThat(QueueFixtures.count(database, "SELECT count(*) FROM tasks.item WHERE project_id = ?", project)).isZero();
    }

    @Test
    void aDeflatedJsonBodyIsRefusedWithTheSameProblem() throws Exception {
        byte[] bomb = ZipBombs.gzipOf("{\"email\": \"x@example.com\", ", HUNDREDS_OF_MEGABYTES / 16);

        HttpResponse<String> response = post("api/v1/auth/register", null, "application/json", " Deflate ", bomb);

        assertUnsupportedEncoding(response, "Deflate");
    }

    @Test
    void anUnencodedBodyDeclaredAsIdentityIsReadAsUsual() throws Exception {
        byte[] body = "{\"email\": \"not an address\", \"password\": \"x\", \"displayName\": \"x\", \"role\": \"labeler\"}".getBytes();

        HttpResponse<String> response = post("api/v1/auth/register", null, "application/json", "identity", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:labelmint:problem:validation");
    }

    private HttpResponse<String> post(String path, Person caller, String contentType, String encoding, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path.startsWith("/") ? path.substring(1) : path))
                .header("Content-Type", contentType).header("Content-Encoding", encoding)
                .POST(BodyPublishers.ofByteArray(body));
        if (caller != null) {
            request.header("Authorization", "Bearer " + caller.accessToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnsupportedEncoding(HttpResponse<String> response, String encoding) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:labelmint:problem:unsupported-content-encoding").contains(encoding);
    }
}
