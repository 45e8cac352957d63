package com.labelmint.tasks.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.process.S3ProxyResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The application configured for S3 only through the documented {@code labelmint.assets.s3.*}
 * keys: the S3 client Quarkus builds from them (URL-connection transport, path-style, custom
 * credentials) works against a real S3-compatible server. The store itself is tested in
 * {@link S3AssetStoreTest} without booting the application.
 */
@QuarkusTest
@TestProfile(S3AssetsProfile.class)
class S3AssetWiringTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    AssetUploads uploads;

    @Inject
    AssetDownloads downloads;

    @Inject
    AssetStore store;

    @ConfigProperty(name = "labelmint.assets.s3.endpoint")
    URI endpoint;

    @TestHTTPResource("/")
    URI root;

    @Test
    void uploadsAndDownloadsGoStraightToTheBucket() throws Exception {
        UUID project = UUID.randomUUID();
        byte[] text = "straight to the bucket".getBytes(StandardCharsets.US_ASCII);

        PresignedUpload upload = uploads.prepare(project, List.of(new UploadRequest("a.txt", "text/plain", text.length))).get(0).upload();
        assertThat(upload.url().getAuthority()).isEqualTo(endpoint.getAuthority());
        assertThat(upload.url().getRawPath()).isEqualTo("/" + S3ProxyResource.BUCKET + "/projects/" + project + "/a.txt");
        HttpRequest.Builder put = HttpRequest.newBuilder(upload.url()).method(upload.method(), HttpRequest.BodyPublishers.ofByteArray(text));
        upload.headers().forEach(put::header);
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        AssetKey key = new AssetKey(project, "a.txt");
        assertThat(store.find(key)).contains(new StoredAsset(text.length, "text/plain")); // the S3 client, with its credentials
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(downloads.linkTo(key).url()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(text);
    }

    @Test
    void theLocalStoreLinksAreNotServed() throws Exception {
        URI local = root.resolve("api/v1/assets/local/projects/" + UUID.randomUUID() + "/a.txt?expires=1&signature=x");
        assertThat(HTTP.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }
}
