package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {

    @TempDir
    Path spoolDirectory;

    @Test
    void instancesOnOneHostSpoolIntoFoldersOfTheirOwn() throws Exception {
        SpoolDirectory first = new SpoolDirectory(spoolDirectory);
        SpoolDirectory second = new SpoolDirectory(spoolDirectory);

        Path firstFolder = first.newFile().getParent();
        Path secondFolder = second.newFile().getParent();

        assertThat(firstFolder).isNotEqualTo(secondFolder);
        assertThat(firstFolder.getParent()).isEqualTo(spoolDirectory.resolve("labelmint-import"));
        assertThat(secondFolder.getParent()).isEqualTo(spoolDirectory.resolve("labelmint-import"));
        assertThat(firstFolder.getFileName().toString()).startsWith("instance-");
        first.stop(null);
        second.stop(null);
    }

    @Test
    void aStartingInstanceRemovesTheFoldersOfStoppedInstancesAndNothingElse() throws Exception {
        SpoolDirectory running = new SpoolDirectory(spoolDirectory);
        Path runningFile = Files.writeString(running.newFile(), "{\"data\": {}}\n");
        Path stopped = Files.createDirectories(spoolDirectory.resolve("labelmint-import/instance-stopped"));
        try (FileChannel unlocked = FileChannel.open(stopped.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Files.writeString(stopped.resolve("left-behind.spool"), "{\"data\": {}}\n");
        }
        Path someoneElses = Files.createDirectory(spoolDirectory.resolve("labelmint-import-bench.x1y2z3"));
        Files.setLastModifiedTime(someoneElses, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        SpoolDirectory starting = new SpoolDirectory(spoolDirectory);

        assertThat(stopped).doesNotExist();
        assertThat(runningFile).exists();
        assertThat(someoneElses).exists();
        running.stop(null);
        starting.stop(null);
    }

    @Test
    void instancesStartingTogetherAllStartWhileTheyRaceToRemoveTheSameStoppedFolders() throws Exception {
        List<Path> stopped = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Path folder = Files.createDirectories(spoolDirectory.resolve("labelmint-import/instance-stopped-" + i));
            try (FileChannel unlocked = FileChannel.open(folder.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                Files.writeString(folder.resolve("left-behind.spool"), "{\"data\": {}}\n");
            }
            stopped.add(folder);
        }
        int starting = 4;
        ExecutorService threads = Executors.newFixedThreadPool(starting);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SpoolDirectory>> started = new ArrayList<>();
        for (int i = 0; i < starting; i++) {
            started.add(threads.submit(() -> {
                go.await();
                return new SpoolDirectory(spoolDirectory);
            }));
        }
        go.countDown();
        try {
            for (Future<SpoolDirectory> instance : started) {
                instance.get(30, TimeUnit.SECONDS).stop(null); // throws if its start failed
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(stopped).allSatisfy(folder -> assertThat(folder).doesNotExist());
    }

    @Test
    void anInstanceRemovesItsFolderWhenItStops() throws Exception {
        SpoolDirectory directory = new SpoolDirectory(spoolDirectory);
        Path file = Files.writeString(directory.newFile(), "{\"data\": {}}\n");

        directory.stop(null);

        assertThat(file.getParent()).doesNotExist();
    }
}
