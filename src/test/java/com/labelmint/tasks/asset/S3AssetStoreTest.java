package com.labelmint.tasks.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.process.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 store against a real S3-compatible server (S3Proxy in a process of its own), through
 * plain HTTP as a client or a labeler would use its links: no Quarkus boot, no mock.
 */
class S3AssetStoreTest {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private static final String BUCKET = "assets";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static S3Client client;
    private static S3Presigner presigner;
    private static S3AssetStore store;

    @BeforeAll
    static void connect() {
        S3.process().createBucket(BUCKET);
        client = S3.process().client();
        presigner = S3.process().presigner();
        store = new S3AssetStore(client, presigner, BUCKET);
    }

    @AfterAll
    static void disconnect() {
        presigner.close();
        client.close();
    }

    @Test
    void aFileGoesUpAndComesBackThroughPresignedLinks() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "scans/cat-001.png");
        byte[] image = "not really a PNG, but bytes all the same".getBytes(StandardCharsets.US_ASCII);

        PresignedUpload upload = store.presignUpload(key, "image/png", image.length, Duration.ofMinutes(5));
        assertThat(upload.url().getRawPath()).isEqualTo("/" + BUCKET + "/" + key.objectKey()); // path-style
        assertThat(upload.headers()).containsEntry("content-type", "image/png").doesNotContainKeys("host", "content-length");
        assertThat(upload.expiresAt()).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        assertThat(put(upload, upload.headers(), image).statusCode()).isEqualTo(200);

        assertThat(store.find(key)).contains(new StoredAsset(image.length, "image/png"));
        HttpResponse<byte[]> download = get(store.presignDownload(key, Duration.ofMinutes(1)));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(image);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void anUploadLinkTakesOnlyTheTypeAndSizeItWasMadeFor() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "notes.txt");
        PresignedUpload upload = store.presignUpload(key, "text/plain", 5, Duration.ofMinutes(5));

        assertThat(put(upload, upload.headers(), "hello!".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(403);
        assertThat(put(upload, upload.headers(), "hell".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(403);
        assertThat(put(upload, Map.of("content-type", "text/html"), "hello".getBytes(StandardCharsets.US_ASCII)).statusCode())
                .isEqualTo(403);
        assertThat(store.find(key)).isEmpty();
    }

    @Test
    void aDownloadLinkStopsWorkingWhenItExpires() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "short-lived.txt");
        byte[] text = "soon gone".getBytes(StandardCharsets.US_ASCII);
        upload(key, text);

        PresignedDownload download = store.presignDownload(key, Duration.ofSeconds(1));
        Thread.sleep(Duration.between(Instant.now(), download.expiresAt()).toMillis() + 1_500);

        HttpResponse<byte[]> expired = get(download);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("expired");
        assertThat(get(store.presignDownload(key, Duration.ofMinutes(1))).statusCode()).isEqualTo(200);
    }

    @Test
    void anAlteredDownloadLinkIsRefused() throws Exception {
        AssetKey key = new AssetKey(UUID.randomUUID(), "private.txt");
        AssetKey other = new AssetKey(key.projectId(), "other.txt");
        byte[] text = "mine".getBytes(StandardCharsets.US_ASCII);
        upload(key, text);
        upload(other, text);

        PresignedDownload link = store.presignDownload(key, Duration.ofMinutes(1));
        PresignedDownload retargeted = new PresignedDownload(
                URI.create(link.url().toString().replace("private.txt", "other.txt")), link.expiresAt());

        assertThat(get(retargeted).statusCode()).isEqualTo(403);
    }

    @Test
    void findKnowsNothingOfAKeyNeverUploaded() {
        assertThat(store.find(new AssetKey(UUID.randomUUID(), "never.png"))).isEmpty();
    }

    private static void upload(AssetKey key, byte[] text) throws Exception {
        PresignedUpload upload = store.presignUpload(key, "text/plain", text.length, Duration.ofMinutes(5));
        assertThat(put(upload, upload.headers(), text).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> put(PresignedUpload upload, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(upload.url()).method(upload.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(PresignedDownload download) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(download.url()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
