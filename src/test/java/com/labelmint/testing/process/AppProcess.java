package com.labelmint.testing.process;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code quarkus-run.jar}) as a separate OS process, for tests that kill
 * it or run several instances. Built by {@code mvn package}; failsafe passes its folder as the system
 * property {@code labelmint.app.dir}. Each instance gets a free port, its own log file under
 * {@code target/it-logs/}, a fresh data folder of its own under {@code target/it-data/} (where the
 * launcher writes the JWT key pair it generates; deleted once the process has exited), and the
 * database it is given (never the launcher's embedded one). Its database connections carry its name
 * as {@code application_name}, so a test can tell them apart in {@code pg_stat_activity}.
 *
 * <p>Always close it (try-with-resources): {@link #close()} stops it with SIGTERM, then SIGKILL.
 */
public final class AppProcess implements AutoCloseable {

    /** Generous: on a loaded 2-core machine a start-up has taken over 80 s. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final String jdbcUrl;
    private final Map<String, String> extraEnv;
    private final Path log;
    private final Path dataDir;
    private final Process process;

    private AppProcess(String name, int port, String jdbcUrl, Map<String, String> extraEnv, Path log, Path dataDir, Process process) {
        this.name = name;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.extraEnv = Map.copyOf(extraEnv);
        this.log = log;
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts an instance and waits until {@code /q/health/ready} answers 200.
     *
     * @param name     names the log file ({@code target/it-logs/<name>.log}) and the database connections
     *                 ({@code application_name}); make it unique per start, letters, digits and '-' only
     * @param jdbcUrl  the database; always given, so the launcher never starts its embedded PostgreSQL
     * @param extraEnv more environment (e.g. {@code LABELMINT_EVENTS_RELAY_ENABLED=false}), overriding the defaults
     */
    public static AppProcess start(String name, String jdbcUrl, Map<String, String> extraEnv) {
        return start(name, ChildProcesses.freePort(), jdbcUrl, extraEnv);
    }

    /**
     * A new process in place of this one, which must have exited (killed, say): the same port, database and
     * environment, a fresh data folder and a log of its own ({@code name}). The same port lets clients that know
     * the instance by its address carry on once it is back; a killed process's listening socket is gone with it.
     */
    public AppProcess restart(String name) {
        if (process.isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        return start(name, port, jdbcUrl, extraEnv);
    }

    /**
     * Starts an instance on a port chosen by the caller: instances started side by side need ports chosen one after
     * the other ({@link ChildProcesses#freePort()} twice at once may name the same port twice).
     */
    public static AppProcess start(String name, int port, String jdbcUrl, Map<String, String> extraEnv) {
        Path appDir = appDir();
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the ITs with 'mvn verify' (after package)");
        }
        if (!name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("Instance names are letters, digits and '-': " + name);
        }
        Path logDir = appDir.toAbsolutePath().getParent().resolve("it-logs");
        Path dataRoot = appDir.toAbsolutePath().getParent().resolve("it-data");
        Path dataDir;
        try {
            Files.createDirectories(dataRoot);
            dataDir = Files.createTempDirectory(dataRoot, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data folder for " + name, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("LABELMINT_OPS_CANARY_ENABLED", "true");
        env.put("LABELMINT_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            AppProcess app = new AppProcess(name, port, jdbcUrl, extraEnv, log, dataDir, builder.start());
            try {
                app.awaitReady();
            } catch (RuntimeException | Error e) {
                app.kill();
                throw e;
            }
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died during start-up (exit " + process.exitValue() + "); log tail:\n" + logTail(60));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; log tail:\n" + logTail(60));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The instance's own data folder ({@code LABELMINT_DATA_DIR}); gone once the process has exited. */
    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the log tail when the process is no longer running. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " died (exit " + process.exitValue() + "); log tail:\n" + logTail(60));
        }
    }

    /**
     * Makes this instance REST Assured's default target, so the fixtures written for {@code @QuarkusTest}
     * ({@code TestAccounts}, {@code ProjectFixtures}, {@code ImportFixtures}) drive it through its public API.
     * The default is global: point it again after starting another instance.
     */
    public AppProcess asRestAssuredTarget() {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /**
     * The sum of a Prometheus metric's samples at {@code /q/metrics}, over the series whose labels include every one of
     * {@code labels} (written as in the exposition, {@code reason="redis-failed"}); 0 when there is none.
     */
    public double metric(String name, String... labels) {
        HttpResponse<String> response = get("/q/metrics");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /q/metrics answered " + response.statusCode() + " on " + this);
        }
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if ((line.startsWith(name + " ") || line.startsWith(name + "{"))
                    && Arrays.stream(labels).allMatch(line.substring(0, line.lastIndexOf(' '))::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(postRequest(path, json));
    }

    /** A POST whose answer may never come (the process may be killed meanwhile). */
    public CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String json) {
        return HTTP.sendAsync(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        if (waitForExit(Duration.ofSeconds(30))) {
            deleteDataDir();
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped after 10 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            deleteDataDir();
            return;
        }
        process.destroy();
        if (waitForExit(STOP_TIMEOUT)) {
            deleteDataDir();
        } else {
            kill();
        }
    }

    private void deleteDataDir() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.printf("Cannot delete the data folder %s of %s: %s%n", dataDir, name, e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    public String logTail(int lines) {
        return ChildProcesses.tail(log, lines);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }

    private static Path appDir() {
        String dir = System.getProperty("labelmint.app.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property labelmint.app.dir is not set (failsafe sets it to target/quarkus-app)");
        }
        return Path.of(dir);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
