package com.labelmint.testing.process;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * S3Proxy for a {@code @QuarkusTest} profile: started with a bucket before the application boots,
 * which is configured to keep its assets there through the documented {@code labelmint.assets.*}
 * keys only, and stopped when the profile's tests are done.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "labelmint-assets-test";

    private S3ProxyProcess process;

    @Override
    public Map<String, String> start() {
        process = S3ProxyProcess.start();
        try {
            process.createBucket(BUCKET);
        } catch (RuntimeException e) {
            process.close(); // Quarkus does not stop a resource whose start failed
            throw e;
        }
        return Map.of(
                "labelmint.assets.store", "s3",
                "labelmint.assets.s3.bucket", BUCKET,
                "labelmint.assets.s3.endpoint", process.endpoint().toString(),
                "labelmint.assets.s3.region", S3ProxyProcess.REGION.id(),
                "labelmint.assets.s3.access-key-id", process.accessKeyId(),
                "labelmint.assets.s3.secret-access-key", process.secretAccessKey());
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
