package com.labelmint.testing.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Redis server of its own ({@code redis-server} from the machine's package) on a free loopback port, for tests that
 * stop Redis: nothing saved to disk, a folder of its own under {@code target/private-servers/}. {@link #stop()} and
 * {@link #start()} take it down and bring it back on the same port; {@link #close()} stops it for good.
 */
public final class PrivateRedis implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final PrivateServer server;

    private PrivateRedis(int port, PrivateServer server) {
        this.port = port;
        this.server = server;
    }

    /** Starts a new server and returns once it accepts connections. */
    public static PrivateRedis start() {
        int port = ChildProcesses.freePort();
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", "", "--dir", ".");
        PrivateServer server = new PrivateServer("redis-" + port, command, Map.of(), PrivateServer.newDirectory("redis"),
                READY_TIMEOUT, () -> PrivateServer.listening(port));
        PrivateRedis redis = new PrivateRedis(port, server);
        redis.startAgain();
        return redis;
    }

    /** Starts it again, on the same port, empty (nothing was saved). */
    public void startAgain() {
        server.start();
    }

    /** Shuts it down (SIGTERM); returns once the port is closed. */
    public void stop() {
        server.stop();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    public int port() {
        return port;
    }

    /** For {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "Redis on 127.0.0.1:" + port + ", " + server;
    }
}
