package com.labelmint.scenario;

import com.labelmint.testing.process.AppProcess;
import java.io.UncheckedIOException;

/** What the orchestrator's probes would see at one moment: the status of {@code /q/health/live} and {@code /q/health/ready}. */
record HealthSample(int live, int ready) {

    static HealthSample of(AppProcess app) {
        return new HealthSample(status(app, "/q/health/live"), status(app, "/q/health/ready"));
    }

    boolean bothUp() {
        return live == 200 && ready == 200;
    }

    private static int status(AppProcess app, String path) {
        try {
            return app.get(path).statusCode();
        } catch (UncheckedIOException noAnswer) {
            return 0;
        }
    }
}
