package com.labelmint.tasks.asset;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Assets in a folder on this machine, for a run without S3 (the no-setup default). Its links point
 * at this application ({@link LocalAssetRoutes}), which checks their signature and expiry the way
 * S3 checks its presigned URLs. One instance only: the files are on its disk.
 */
@Singleton
@Typed(LocalAssetStore.class)
class LocalAssetStore implements AssetStore {

    private final LocalAssetFolder folder;
    private final LocalUrlSigner signer;
    private final String linkBase;
    private final Clock clock;

    LocalAssetStore(LocalAssetFolder folder, LocalUrlSigner signer, AssetsConfig config, Clock clock) {
        this.folder = folder;
        this.signer = signer;
        this.linkBase = withoutTrailingSlash(config.local().publicUrl().toString()) + LocalAssetRoutes.PREFIX;
        this.clock = clock;
    }

    @Override
    public PresignedUpload presignUpload(AssetKey key, String contentType, long sizeBytes, Duration ttl) {
        LocalGrant grant = LocalGrant.upload(key, expiry(ttl), contentType, sizeBytes);
        return new PresignedUpload("PUT", link(grant), Map.of("content-type", contentType), grant.expiresAt());
    }

    @Override
    public PresignedDownload presignDownload(AssetKey key, Duration ttl) {
        LocalGrant grant = LocalGrant.download(key, expiry(ttl));
        return new PresignedDownload(link(grant), grant.expiresAt());
    }

    @Override
    public Optional<StoredAsset> find(AssetKey key) {
        try {
            return folder.find(key).map(asset -> new StoredAsset(asset.sizeBytes(), asset.contentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole seconds, as the link carries it: the expiry the signature covers is the one stated. */
    private Instant expiry(Duration ttl) {
        return Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond());
    }

    /** Asset names need no escaping in a path (see {@link AssetKey}); the query is digits and base64url. */
    private URI link(LocalGrant grant) {
        return URI.create(linkBase + grant.key().objectKey() + "?" + grant.query(signer.sign(grant)));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "the local folder " + folder;
    }
}
