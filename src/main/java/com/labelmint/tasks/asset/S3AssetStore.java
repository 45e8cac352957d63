package com.labelmint.tasks.asset;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Assets in an S3 bucket (or any S3-compatible server), behind presigned URLs (signature V4). An
 * upload link signs {@code Content-Type} and {@code Content-Length}, so S3 itself refuses a body
 * of another type or size: presigned PUTs cannot name a maximum, so the size asked for is exact.
 */
final class S3AssetStore implements AssetStore {

    /** Set by every HTTP client from the URL and the body; callers could not send them if told to. */
    private static final List<String> SET_BY_THE_CLIENT = List.of("host", "content-length");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3AssetStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedUpload presignUpload(AssetKey key, String contentType, long sizeBytes, Duration ttl) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key.objectKey()).contentType(contentType).contentLength(sizeBytes)));
        return new PresignedUpload("PUT", uri(presigned.url()), headersToSend(presigned.signedHeaders()), presigned.expiration());
    }

    @Override
    public PresignedDownload presignDownload(AssetKey key, Duration ttl) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(request -> request
                .signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key.objectKey())));
        return new PresignedDownload(uri(presigned.url()), presigned.expiration());
    }

    @Override
    public Optional<StoredAsset> find(AssetKey key) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key.objectKey()));
            return Optional.of(new StoredAsset(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> headersToSend(Map<String, List<String>> signedHeaders) {
        return signedHeaders.entrySet().stream()
                .filter(header -> !SET_BY_THE_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toMap(header -> header.getKey().toLowerCase(Locale.ROOT), header -> String.join(",", header.getValue())));
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The S3 presigner made an invalid URL", e);
        }
    }

    @Override
    public String toString() {
        return "S3 bucket " + bucket;
    }
}
