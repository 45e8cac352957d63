package com.labelmint.tasks.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code labelmint.import.*}: see docs/configuration.md. */
@ConfigMapping(prefix = "labelmint.import")
public interface ImportConfig {

    /** The largest body one import may send. */
    @WithDefault("2G")
    MemorySize maxBytes();

    /** The longest line (CSV: record) that is read; a longer one is reported as an error and skipped. */
    @WithDefault("1M")
    MemorySize maxLineBytes();

    /** Where bodies are spooled while their job waits and runs; the system's temporary folder when unset. */
    Optional<String> spoolDirectory();

    /** Imports that run at once on this instance; more wait in line, queued. */
    @WithDefault("2")
    int workers();

    /** Line errors kept per job (the first by line number); the rest are only counted. */
    @WithDefault("1000")
    int maxReportedErrors();

    /** How often an instance tells the database that its jobs are still alive, and looks for jobs that are not. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A queued or running job whose heartbeat is older than this is failed as interrupted. */
    @WithDefault("2m")
    Duration staleAfter();

    /** The longest an import's single transaction may run before it is rolled back. */
    @WithDefault("1h")
    Duration transactionTimeout();
}
