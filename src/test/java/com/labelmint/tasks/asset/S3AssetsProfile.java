package com.labelmint.tasks.asset;

import com.labelmint.testing.process.S3ProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with its assets in S3 (S3Proxy, started before the boot), configured as in production. */
public class S3AssetsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
