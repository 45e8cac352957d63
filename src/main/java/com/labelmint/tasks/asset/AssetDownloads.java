package com.labelmint.tasks.asset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Short-lived links for reading assets. Who may read one is decided by the caller: a labeler
 * gets links for the items of the tasks handed to them.
 */
@ApplicationScoped
public class AssetDownloads {

    private final AssetStore store;
    private final AssetsConfig config;

    AssetDownloads(AssetStore store, AssetsConfig config) {
        this.store = store;
        this.config = config;
    }

    public PresignedDownload linkTo(AssetKey key) {
        return store.presignDownload(key, config.downloadUrlTtl());
    }
}
