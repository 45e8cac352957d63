package com.labelmint.tasks.asset;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the files of projects live. Clients upload and labelers download them directly, through
 * links this store signs: the application hands out links and never carries the bytes itself
 * (except in the local store, which stands in for S3 on a machine that has none). Which store is
 * used is {@code labelmint.assets.store}.
 */
public interface AssetStore {

    /**
     * A link that lets its holder put exactly {@code sizeBytes} bytes of {@code contentType} at this
     * key until {@code ttl} has passed; a later upload to the same key replaces the earlier one.
     */
    PresignedUpload presignUpload(AssetKey key, String contentType, long sizeBytes, Duration ttl);

    /** A link that lets its holder read the asset until {@code ttl} has passed. */
    PresignedDownload presignDownload(AssetKey key, Duration ttl);

    /** The asset's size and type, or empty when nothing has been uploaded at this key. */
    Optional<StoredAsset> find(AssetKey key);
}
