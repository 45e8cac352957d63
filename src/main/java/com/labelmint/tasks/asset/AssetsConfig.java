package com.labelmint.tasks.asset;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code labelmint.assets.*}: the documented keys. The S3 connection settings are also mapped onto
 * {@code quarkus.s3.*} in application.properties, where the S3 client Quarkus builds reads them.
 */
@ConfigMapping(prefix = "labelmint.assets")
public interface AssetsConfig {

    enum Store {
        LOCAL, S3
    }

    @WithDefault("local")
    Store store();

    /** How long an upload link works: long enough for a slow connection to start a large file. */
    @WithDefault("15m")
    Duration uploadUrlTtl();

    /** How long a download link works: about the time a labeler spends on one task. */
    @WithDefault("10m")
    Duration downloadUrlTtl();

    @WithDefault("100M")
    MemorySize maxFileSize();

    @WithDefault("1000")
    int maxFilesPerRequest();

    /** Media types that may be uploaded: exact ({@code application/pdf}) or a whole type ({@code image/*}). */
    @WithDefault("image/*,audio/*,video/*,text/plain,text/csv,application/pdf,application/json")
    List<String> allowedContentTypes();

    S3 s3();

    Local local();

    interface S3 {
        /** Required when the store is S3; the bucket must exist. */
        Optional<String> bucket();

        /** An S3-compatible server's address; absent for AWS S3 itself. */
        Optional<URI> endpoint();

        String region();

        /** {@code https://endpoint/bucket/key} rather than {@code https://bucket.endpoint/key}. */
        boolean pathStyle();

        /** With {@link #secretAccessKey()}; both absent: the AWS default credentials chain. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

    interface Local {
        /** Where the files go; defaults to {@code <labelmint.data-dir>/assets}. */
        String directory();

        /** Signs the links; when absent one is generated into the data folder and kept there. */
        Optional<String> signingKey();

        /** The address clients reach this application at: local links start with it. */
        URI publicUrl();
    }
}
