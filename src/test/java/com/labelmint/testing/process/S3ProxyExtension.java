package com.labelmint.testing.process;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * S3Proxy for the tests of one class: {@code @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();}.
 * Started before the first test, stopped after the last whatever their outcome.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {

    private S3ProxyProcess process;

    @Override
    public void beforeAll(ExtensionContext context) {
        process = S3ProxyProcess.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public S3ProxyProcess process() {
        if (process == null) {
            throw new IllegalStateException("S3Proxy runs only between beforeAll and afterAll");
        }
        return process;
    }
}
