package com.labelmint.tasks.asset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The asset store that {@code labelmint.assets.store} names. Only the chosen one is ever built:
 * with the local store no S3 client exists (no S3 server is needed to start), and with S3 no
 * local folder or signing key is made.
 */
@ApplicationScoped
class AssetStoreProducer {

    private static final Logger LOG = Logger.getLogger(AssetStoreProducer.class);

    @Produces
    @Singleton
    AssetStore assetStore(AssetsConfig config, Instance<LocalAssetStore> local, Instance<S3Client> s3, Instance<S3Presigner> presigner) {
        if (config.store() == AssetsConfig.Store.S3) {
            String bucket = config.s3().bucket()
                    .orElseThrow(() -> new IllegalStateException("labelmint.assets.store=s3 needs labelmint.assets.s3.bucket"));
            return new S3AssetStore(s3.get(), presigner.get(), bucket);
        }
        return local.get();
    }

    /** Built at start-up, so a missing setting stops the start rather than the first upload. */
    void announce(@Observes StartupEvent started, AssetStore store) {
        LOG.infof("Assets are kept in %s", store);
    }
}
