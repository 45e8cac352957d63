package com.labelmint.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real S3-compatible server for tests: S3Proxy's standalone jar (copied to {@code target/s3proxy}
 * by Maven, path in {@code labelmint.test.s3proxy-jar}) run as a separate process on a free
 * loopback port, with an in-memory blob store and credentials of its own. A separate process keeps
 * S3Proxy's large dependency tree (jclouds, Jetty, several cloud SDKs) off the test class path.
 *
 * <p>Always close it; a shutdown hook kills it too if the test JVM exits first.
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Thread reaper;
    private final URI endpoint;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final Path log;

    private S3ProxyProcess(Process process, URI endpoint, String accessKeyId, String secretAccessKey, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "s3proxy-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts S3Proxy and returns once it accepts connections. */
    public static S3ProxyProcess start() {
        Path jar = Path.of(System.getProperty("labelmint.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the tests through Maven, which copies S3Proxy there");
        }
        int port = ChildProcesses.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        String accessKeyId = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String secretAccessKey = UUID.randomUUID().toString();
        try {
            Path runs = Files.createDirectories(jar.toAbsolutePath().getParent().resolve("runs"));
            Path settings = runs.resolve(port + ".properties");
            Files.writeString(settings, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKeyId,
                    "s3proxy.credential=" + secretAccessKey,
                    // the AWS SDK 2.4x sends headers S3Proxy does not know; without this it refuses them
                    "s3proxy.ignore-unknown-headers=true",
                    "jclouds.provider=transient-nio2",
                    "jclouds.identity=" + accessKeyId,
                    "jclouds.credential=" + secretAccessKey, ""));
            Path log = runs.resolve(port + ".log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "--properties", settings.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3ProxyProcess s3proxy = new S3ProxyProcess(process, endpoint, accessKeyId, secretAccessKey, log);
            try {
                s3proxy.awaitListening(port);
            } catch (RuntimeException | Error e) {
                s3proxy.close();
                throw e;
            }
            return s3proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy", e);
        }
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy died during start-up; log tail:\n" + ChildProcesses.tail(log, 40));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notListeningYet) {
                pause();
            }
        }
        throw new IllegalStateException("S3Proxy did not listen within " + READY_TIMEOUT + "; log tail:\n" + ChildProcesses.tail(log, 40));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** A client with the settings application.properties gives the application's own. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .serviceConfiguration(serviceConfiguration())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .serviceConfiguration(serviceConfiguration())
                .build();
    }

    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(bucket));
        }
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    private static S3Configuration serviceConfiguration() {
        return S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build();
    }

    /** SIGTERM, then SIGKILL if it has not stopped after a few seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to remove
        }
    }
}
