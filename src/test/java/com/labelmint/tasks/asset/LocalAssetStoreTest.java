package com.labelmint.tasks.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.Problem;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.security.ZipBombs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The local store end to end, through real HTTP as a client and a labeler would use its links:
 * anonymous requests whose only authorisation is the link's signature.
 */
@QuarkusTest
class LocalAssetStoreTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    @Inject
    AssetUploads uploads;

    @Inject
    AssetDownloads downloads;

    @Inject
    AssetStore store;

    @Inject
    AssetsConfig config;

    @Test
    void aFileLargerThanTheApiBodyLimitGoesUpAndComesBackThroughSignedLinks() throws Exception {
        UUID project = UUID.randomUUID();
        byte[] image = new byte[3 * 1024 * 1024]; // over the 1M body limit of the JSON API: streamed, not buffered
        new Random(7).nextBytes(image);

        PreparedUpload prepared = uploads.prepare(project, List.of(new UploadRequest("scans/cat-001.png", "image/png", image.length)))
                .get(0);
        assertThat(prepared.fileName()).isEqualTo("scans/cat-001.png");
        assertThat(prepared.upload().url().toString())
                .startsWith(config.local().publicUrl() + "/api/v1/assets/local/projects/" + project + "/scans/cat-001.png?");
        assertThat(prepared.upload().headers()).isEqualTo(Map.of("content-type", "image/png"));
        assertThat(put(prepared.upload(), BodyPublishers.ofByteArray(image)).statusCode()).isEqualTo(200);

        AssetKey key = new AssetKey(project, "scans/cat-001.png");
        assertThat(store.find(key)).contains(new StoredAsset(image.length, "image/png"));
        HttpResponse<byte[]> download = get(downloads.linkTo(key).url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(image);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.headers().firstValue("Content-Security-Policy")).contains(LocalAssetHandler.SANDBOX);
    }

    @Test
    void aSecondUploadReplacesTheFirst() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "notes.txt");
        upload(key, "text/plain", "first version");
        upload(key, "application/json", "{\"v\":2}");

        assertThat(store.find(key)).contains(new StoredAsset(7, "application/json"));
        assertThat(new String(get(downloads.linkTo(key).url()).body(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");
    }

    @Test
    void expiredLinksAreRefused() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "short-lived.txt");
        upload(key, "text/plain", "soon gone");
        PresignedDownload download = store.presignDownload(key, Duration.ofSeconds(1));
        PresignedUpload upload = store.presignUpload(key, "text/plain", 3, Duration.ofSeconds(1));

        Thread.sleep(Duration.between(Instant.now(), download.expiresAt()).toMillis() + 1_500);

        assertProblem(get(download.url()), 403, "asset-link-expired");
        assertProblem(put(upload, BodyPublishers.ofString("new")), 403, "asset-link-expired");
        assertThat(get(downloads.linkTo(key).url()).body()).isEqualTo("soon gone".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aLinkWorksOnlyForTheRequestItWasIssuedFor() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "photo.jpg");
        PresignedUpload upload = store.presignUpload(key, "image/jpeg", 5, Duration.ofMinutes(5));
        String signature = upload.url().getRawQuery().replaceAll(".*signature=", "");
        String forged = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        assertProblem(put(withUrl(upload, upload.url().toString().replace(signature, forged)), bytes(5)), 403, "asset-link-invalid");
        assertProblem(put(withUrl(upload, upload.url().toString().replace("size=5", "size=6")), bytes(6)), 403, "asset-link-invalid");
        assertProblem(put(withUrl(upload, upload.url().toString().replace("photo.jpg", "other.jpg")), bytes(5)), 403, "asset-link-invalid");
        assertProblem(put(withUrl(upload, upload.url().toString().replaceAll("signature=[^&]*", "")), bytes(5)), 403, "asset-link-invalid");
        assertProblem(send(request(upload.url()).header("Content-Type", "image/png").PUT(bytes(5))), 403, "asset-link-invalid");
        assertProblem(get(upload.url()), 403, "asset-link-invalid"); // an upload link is no download link
        assertThat(store.find(key)).isEmpty();

        upload(key, "image/jpeg", "jpeg!");
        PresignedDownload download = store.presignDownload(key, Duration.ofMinutes(5));
        assertProblem(put(withUrl(upload, download.url().toString()), bytes(5)), 403, "asset-link-invalid");
        assertProblem(get(URI.create(download.url().toString().replaceAll("expires=\\d+", "expires=99999999999"))), 403,
                "asset-link-invalid");
        assertProblem(send(request(download.url()).POST(BodyPublishers.noBody())), 405, "method-not-allowed");
    }

    /** HTTP/1.1 and HTTP/2: a refused body must break neither the answer nor the connection. */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aBodyOfAnotherSizeThanItsLinkIsRefusedAndStoresNothing(HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        AssetKey key = new AssetKey(UUID.randomUUID(), "ten-bytes.txt");
        PresignedUpload upload = store.presignUpload(key, "text/plain", 10, Duration.ofMinutes(5));

        // Java's client upgrades to HTTP/2 only on a request without a body: the first one opens the connection
        assertThat(client.send(request(downloads.linkTo(key).url()).GET().build(), HttpResponse.BodyHandlers.discarding()).version())
                .isEqualTo(version);
        HttpResponse<byte[]> declaredTooLarge = put(client, upload, bytes(11));
        assertThat(declaredTooLarge.version()).isEqualTo(version);
        assertProblem(declaredTooLarge, 413, "payload-too-large"); // refused on its Content-Length
        assertProblem(put(client, upload, chunked(11)), 413, "payload-too-large"); // refused while it streams in
        assertProblem(put(client, upload, chunked(9)), 400, "upload-size-mismatch");
        assertProblem(put(client, upload, bytes(9)), 400, "upload-size-mismatch");
        assertThat(store.find(key)).isEmpty();

        Path incoming = Path.of(config.local().directory(), "incoming");
        await().atMost(Duration.ofSeconds(10)).until(() -> isEmpty(incoming));
        assertThat(put(client, upload, chunked(10)).statusCode()).isEqualTo(200);
        assertThat(store.find(key)).contains(new StoredAsset(10, "text/plain"));
    }

    /** A zip bomb uploaded as an image: refused before it is read, never inflated, nothing stored. */
    @Test
    void aGzipEncodedUploadIsRefusedAndStoresNothing() throws Exception {
        byte[] bomb = ZipBombs.gzipOf("\0".repeat(1024), 256L * 1024 * 1024);
        AssetKey key = new AssetKey(UUID.randomUUID(), "scans/bomb.png");
        PresignedUpload upload = store.presignUpload(key, "image/png", bomb.length, Duration.ofMinutes(5));
        HttpRequest.Builder request = request(upload.url()).method(upload.method(), BodyPublishers.ofByteArray(bomb))
                .header("Content-Encoding", "gzip");
        upload.headers().forEach(request::header);

        assertProblem(send(request), 415, "unsupported-content-encoding");
        assertThat(store.find(key)).isEmpty();
    }

    @Test
    void pathsThatTryToLeaveTheAssetFolderAreRefused() throws Exception {
        Path secret = Path.of(config.local().directory()).toAbsolutePath().getParent().resolve("asset-test-secret.txt");
        Files.writeString(secret, "the secret outside the asset folder");
        String project = "projects/" + UUID.randomUUID() + "/";
        String query = "?expires=" + Instant.now().plusSeconds(600).getEpochSecond() + "&signature=x";

        for (String path : List.of(project + "..%2F..%2F..%2Fasset-test-secret.txt", project + ".hidden",
                project + "a%00b.txt", "projects/not-a-project/a.txt", "projects/" + UUID.randomUUID(), "secret.txt")) {
            assertProblem(get(root.resolve("api/v1/assets/local/" + path + query)), 400, "invalid-asset-name");
        }
        for (String path : List.of(project + "%2e%2e/%2e%2e/%2e%2e/asset-test-secret.txt", project + "../../../asset-test-secret.txt")) {
            HttpResponse<byte[]> response = get(URI.create(root + "api/v1/assets/local/" + path + query));
            assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("secret outside");
        }
    }

    @Test
    void aLinkToAnAssetNeverUploadedIsA404() throws Exception {
        assertProblem(get(downloads.linkTo(new AssetKey(UUID.randomUUID(), "missing.png")).url()), 404, "not-found");
    }

    @Test
    void prepareNamesEveryFaultOfARequestAtOnce() {
        UUID project = UUID.randomUUID();
        List<UploadRequest> files = List.of(
                new UploadRequest("../escape.png", "image/png", 10),
                new UploadRequest("page.html", "text/html", 10),
                new UploadRequest("empty.png", "image/png", 0),
                new UploadRequest("ok.png", "image/png", 10),
                new UploadRequest("ok.png", "image/png", 10),
                new UploadRequest("x".repeat(AssetKey.MAX_NAME_LENGTH + 1), "image/png", 10),
                new UploadRequest("huge.mp4", "video/mp4", config.maxFileSize().asLongValue() + 1));

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> uploads.prepare(project, files));

        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().errors()).extracting(Problem.FieldError::field).containsExactly(
                "files[0].fileName", "files[1].contentType", "files[2].sizeBytes", "files[4].fileName", "files[5].fileName",
                "files[6].sizeBytes");
        assertThat(catchThrowableOfType(ProblemException.class, () -> uploads.prepare(project, List.of())).problem().errors())
                .extracting(Problem.FieldError::field).containsExactly("files");
        List<UploadRequest> tooMany = Collections.nCopies(config.maxFilesPerRequest() + 1, new UploadRequest("a.png", "image/png", 1));
        assertThat(catchThrowableOfType(ProblemException.class, () -> uploads.prepare(project, tooMany)).problem().errors())
                .extracting(Problem.FieldError::field).containsExactly("files");
    }

    private void upload(AssetKey key, String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        PresignedUpload upload = store.presignUpload(key, contentType, bytes.length, Duration.ofMinutes(5));
        assertThat(put(upload, BodyPublishers.ofByteArray(bytes)).statusCode()).isEqualTo(200);
    }

    /** The link as issued names the public address; the test server listens on a port of its own. */
    private URI local(URI link) {
        return root.resolve(link.getRawPath().substring(1) + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    private HttpRequest.Builder request(URI link) {
        return HttpRequest.newBuilder(local(link)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> put(PresignedUpload upload, BodyPublisher body) throws Exception {
        return put(HTTP, upload, body);
    }

    private HttpResponse<byte[]> put(HttpClient client, PresignedUpload upload, BodyPublisher body) throws Exception {
        HttpRequest.Builder request = request(upload.url()).method(upload.method(), body);
        upload.headers().forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(URI link) throws Exception {
        return send(request(link).GET());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static PresignedUpload withUrl(PresignedUpload upload, String url) {
        return new PresignedUpload(upload.method(), URI.create(url), upload.headers(), upload.expiresAt());
    }

    private static BodyPublisher bytes(int count) {
        return BodyPublishers.ofByteArray(new byte[count]);
    }

    /** A body of unknown length: sent with chunked transfer encoding, no Content-Length. */
    private static BodyPublisher chunked(int count) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[count]));
    }

    private static boolean isEmpty(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:labelmint:problem:" + slug);
    }
}
