package com.labelmint.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A server of the machine's own packages (Redis, RabbitMQ) run as a child process on ports of its own, so that a test
 * can stop it and start it again on the same ports while the machine's instance stays up for everyone else. Holds the
 * command, the environment, the folder and the log; {@link #start()} runs it and waits until {@code ready} says so,
 * {@link #stop()} sends SIGTERM (a clean shutdown for both servers) to it and whatever it started, then SIGKILL.
 * A shutdown hook kills it if the test JVM exits first.
 */
final class PrivateServer {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final Path log;
    private final Duration readyTimeout;
    private final BooleanSupplier ready;
    private final Thread reaper = new Thread(this::kill, "private-server-reaper");
    private Process process;
    private boolean closed;

    PrivateServer(String name, List<String> command, Map<String, String> environment, Path directory, Duration readyTimeout,
                  BooleanSupplier ready) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.log = directory.resolve(name + ".log");
        this.readyTimeout = readyTimeout;
        this.ready = ready;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A folder of its own for one server under {@code target/private-servers/}. */
    static Path newDirectory(String name) {
        try {
            Path root = Files.createDirectories(Path.of("target", "private-servers").toAbsolutePath());
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for " + name, e);
        }
    }

    /** Starts the process (its output appended to the log) and returns once it is ready. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is closed"); // e.g. a fault thread that outlived its test
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + command.get(0) + ")", e);
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died during start-up (exit " + process.exitValue() + "); log tail:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(name + " was not ready within " + readyTimeout + "; log tail:\n" + tail());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** SIGTERM to the process and its descendants; SIGKILL to whatever still runs after 30 s. Returns once all are gone. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = tree();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitGone(tree, STOP_TIMEOUT)) {
            kill();
        }
    }

    /** SIGKILL to the process and its descendants. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree, STOP_TIMEOUT);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server for good. */
    synchronized void close() {
        closed = true;
        try {
            stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDownAlready) {
                // the hook runs anyway
            }
        }
    }

    Path directory() {
        return directory;
    }

    String tail() {
        return ChildProcesses.tail(log, 40);
    }

    private List<ProcessHandle> tree() {
        // descendants first: the process may be a script whose children outlive it
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        descendants.add(process.toHandle());
        return descendants;
    }

    private static boolean awaitGone(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether something accepts TCP connections on the loopback port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + (isRunning() ? " (pid " + process.pid() + ")" : " (stopped)");
    }
}
