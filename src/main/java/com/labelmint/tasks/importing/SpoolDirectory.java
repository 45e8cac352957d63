package com.labelmint.tasks.importing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * This instance's folder for spooled import bodies, {@code <spool-directory>/labelmint-import/instance-<uuid>},
 * with a lock file held while the instance lives, so that two instances on one host never read each other's
 * files. Jobs delete their files when they end; the folders of instances that died (their lock is free) are
 * removed when another instance starts, so a crash leaves nothing behind for long. The clean-up only ever looks
 * inside {@code labelmint-import/}: the spool directory is usually the shared temporary folder, and other
 * programs' folders there may carry any name, {@code labelmint-import-…} included.
 */
@Startup
@ApplicationScoped
class SpoolDirectory {

    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);
    private static final String SPOOL_FOLDER = "labelmint-import";
    private static final String INSTANCE_PREFIX = "instance-";
    private static final String LOCK_FILE = "instance.lock";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;

    @Inject
    SpoolDirectory(ImportConfig config) throws IOException {
        this(Path.of(config.spoolDirectory().orElse(System.getProperty("java.io.tmpdir"))));
    }

    SpoolDirectory(Path spoolDirectory) throws IOException {
        Path instances = Files.createDirectories(spoolDirectory.resolve(SPOOL_FOLDER));
        removeFoldersOfStoppedInstances(instances);
        folder = Files.createDirectory(instances.resolve(INSTANCE_PREFIX + UUID.randomUUID()));
        lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
    }

    Path newFile() {
        return folder.resolve(UUID.randomUUID() + ".spool");
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete spool file %s", file);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws IOException {
        lock.release();
        lockChannel.close();
        deleteTree(folder);
    }

    /**
     * Best effort: instances starting together race to remove the same folders (a scale-out restart met one gone
     * half-way and failed to start), and another's leftovers are never a reason for this instance not to start.
     */
    private static void removeFoldersOfStoppedInstances(Path instances) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(instances, INSTANCE_PREFIX + "*")) {
            for (Path candidate : folders) {
                try {
                    if (Files.isDirectory(candidate) && ownerStopped(candidate)) {
                        LOG.infof("Removing spooled imports of a stopped instance: %s", candidate);
                        deleteTree(candidate);
                    }
                } catch (UncheckedIOException e) { // from inside the walk of the folder's tree
                    notRemoved(candidate, e.getCause());
                } catch (IOException e) {
                    notRemoved(candidate, e);
                }
            }
        }
    }

    private static void notRemoved(Path candidate, IOException failure) {
        if (failure instanceof NoSuchFileException) {
            LOG.debugf("%s went while being looked at: another instance starting removed it", candidate);
        } else {
            LOG.warnf("Could not remove the spooled imports of a stopped instance, %s (%s); the next start tries again",
                    candidate, failure);
        }
    }

    /**
     * The owner holds the lock for as long as it runs; the operating system frees it when the process dies. A
     * folder without a lock file is either being created right now or was left half-made long ago.
     */
    private static boolean ownerStopped(Path candidate) throws IOException {
        Path lockFile = candidate.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return Files.getLastModifiedTime(candidate).toInstant().isBefore(Instant.now().minus(Duration.ofMinutes(1)));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock free = channel.tryLock()) {
            return free != null;
        } catch (OverlappingFileLockException e) {
            return false; // held by this very JVM: an earlier application in the same process (tests)
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
