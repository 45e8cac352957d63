package com.labelmint.platform.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * After a kill -9 of the JVM, the embedded PostgreSQL it started lives on and keeps the data
 * folder locked. Connecting to it by accident would hide the crash; this stops it cleanly so the
 * next start owns its database.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pidOf(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            return; // PostgreSQL itself ignores a pid file whose process is gone
        }
        ProcessHandle process = postmaster.get();
        LOG.warnf("A PostgreSQL left behind by an earlier run (pid %d) holds %s: stopping it", process.pid(), dataDirectory);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warnf("PostgreSQL %d did not stop in %s: killing it", process.pid(), patience);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** A pid file can outlive its process and the pid be reused: never signal anything but PostgreSQL. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
