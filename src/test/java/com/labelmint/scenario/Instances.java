package com.labelmint.scenario;

import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.ChildProcesses;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * The packaged application's instances of a stage, on one database, each on a port of its own that it keeps when it is
 * killed and started again: the addresses the driver round-robins over never change. Instance {@code i}'s log is
 * {@code target/it-logs/<name>-<i>.log} ({@code <name>.log} when there is one), a restart's {@code …-r<n>.log}.
 */
final class Instances implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final AtomicReferenceArray<AppProcess> processes;
    private final List<URI> baseUrls;
    private final AtomicInteger restarts = new AtomicInteger();

    private Instances(String name, List<AppProcess> started) {
        this.name = name;
        this.processes = new AtomicReferenceArray<>(started.toArray(AppProcess[]::new));
        this.baseUrls = started.stream().map(process -> process.uri("/")).toList();
    }

    /**
     * Starts {@code count} instances and waits until each is ready. The first starts alone (it migrates the empty
     * database), the others together.
     */
    static Instances start(String name, int count, String jdbcUrl, Map<String, String> env) {
        List<Integer> ports = distinctFreePorts(count);
        List<AppProcess> started = new ArrayList<>();
        started.add(AppProcess.start(instanceName(name, 1, count), ports.get(0), jdbcUrl, env));
        List<CompletableFuture<AppProcess>> others = IntStream.rangeClosed(2, count).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> AppProcess.start(instanceName(name, i, count), ports.get(i - 1), jdbcUrl, env))).toList();
        RuntimeException failure = null;
        for (CompletableFuture<AppProcess> other : others) {
            try {
                started.add(join(other));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            started.forEach(AppProcess::close); // every start has ended: none is left running
            throw failure;
        }
        return new Instances(name, started);
    }

    private static List<Integer> distinctFreePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = ChildProcesses.freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static String instanceName(String name, int number, int count) {
        return count == 1 ? name : name + "-" + number;
    }

    int count() {
        return processes.length();
    }

    /** The instances' base URLs, in order; instance {@code i} keeps its URL across restarts. */
    List<URI> baseUrls() {
        return baseUrls;
    }

    AppProcess get(int index) {
        return processes.get(index);
    }

    /** SIGKILL to instance {@code index}; returns once it is gone. */
    AppProcess kill(int index) {
        AppProcess victim = processes.get(index);
        victim.kill();
        return victim;
    }

    /**
     * Starts a new process in place of the dead instance {@code index}, on its port; returns once it is ready. The
     * port may be held for a moment by an outgoing connection that the system gave it as its local port: the start
     * is tried again then.
     */
    AppProcess restart(int index) {
        AppProcess dead = processes.get(index);
        for (int attempt = 1; ; attempt++) {
            try {
                AppProcess started = dead.restart(instanceName(name, index + 1, count()) + "-r" + restarts.incrementAndGet());
                processes.set(index, started);
                return started;
            } catch (IllegalStateException e) {
                if (attempt == PORT_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("seems to be in use")) {
                    throw e;
                }
                Poll.sleep(Duration.ofSeconds(2));
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < processes.length(); i++) {
            processes.get(i).close();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
