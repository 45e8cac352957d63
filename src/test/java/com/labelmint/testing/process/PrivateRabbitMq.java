package com.labelmint.testing.process;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A RabbitMQ node of its own, for tests that stop the broker: the machine's {@code rabbitmq-server} (Debian's package)
 * started as a second node, {@code labelmint-it-<random>@localhost}, with its AMQP and distribution ports free ports,
 * its database, logs, configuration and (empty) plugin list in a folder of its own under
 * {@code target/private-servers/}. No plugins: the management plugin would want the machine node's port 15672.
 *
 * <p>It runs the server script directly, not Debian's wrapper (which, for root, switches to the {@code rabbitmq} user
 * and its home): {@code HOME} is the node's folder, so Erlang writes the node's own cookie there, and the machine's
 * node and its cookie are left alone. Both nodes register with the machine's epmd (port 4369), which is shared
 * by design. The machine's {@code /etc/rabbitmq/rabbitmq-env.conf} names the machine's node, so the node reads an
 * empty one of its own instead.
 *
 * <p>{@link #stop()} is a clean shutdown (SIGTERM, as {@code rabbitmqctl stop} would do, without starting the
 * Erlang CLI); {@link #startAgain()} starts the same node on the same ports with the same database, so durable queues
 * and persistent messages come back. A start measured 5–15 s on the project's 2-core machine (see the log line).
 */
public final class PrivateRabbitMq implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String SERVER_SCRIPT = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private final int amqpPort;
    private final String nodeName;
    private final PrivateServer server;
    private Duration lastStart = Duration.ZERO;

    private PrivateRabbitMq(int amqpPort, String nodeName, PrivateServer server) {
        this.amqpPort = amqpPort;
        this.nodeName = nodeName;
        this.server = server;
    }

    /** Starts a new node and returns once an AMQP connection to it succeeds. */
    public static PrivateRabbitMq start() {
        if (!Files.isExecutable(Path.of(SERVER_SCRIPT))) {
            throw new IllegalStateException(SERVER_SCRIPT + " is missing: the tests need Debian's rabbitmq-server package");
        }
        int amqpPort = ChildProcesses.freePort();
        int distributionPort = ChildProcesses.freePort();
        String nodeName = "labelmint-it-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
        Path directory = PrivateServer.newDirectory("rabbitmq");
        Map<String, String> environment = Map.ofEntries(
                Map.entry("HOME", directory.toString()),
                Map.entry("RABBITMQ_NODENAME", nodeName),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(amqpPort)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distributionPort)),
                Map.entry("RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", directory.resolve("log").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", write(directory.resolve("enabled_plugins"), "[].\n").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", write(directory.resolve("rabbitmq.conf"), "# a node of a test's own: the defaults (guest/guest, from loopback only)\n").toString()),
                Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", directory.resolve("advanced.config").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", write(directory.resolve("rabbitmq-env.conf"), "").toString()),
                Map.entry("RABBITMQ_PID_FILE", directory.resolve("node.pid").toString()),
                // loopback only, for the distribution port as for AMQP (the machine's node is set up the same way)
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"));
        PrivateServer server = new PrivateServer("rabbitmq-" + amqpPort, List.of(SERVER_SCRIPT), environment, directory,
                READY_TIMEOUT, () -> acceptsAmqp(amqpPort));
        PrivateRabbitMq rabbitMq = new PrivateRabbitMq(amqpPort, nodeName, server);
        rabbitMq.startAgain();
        return rabbitMq;
    }

    /** Starts the node (again): same name, ports and database; returns once an AMQP connection succeeds. */
    public void startAgain() {
        long started = System.nanoTime();
        server.start();
        lastStart = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("RabbitMQ node %s on 127.0.0.1:%d ready after %d ms%n", nodeName, amqpPort, lastStart.toMillis());
    }

    /** Shuts the node down cleanly; returns once its processes are gone. */
    public void stop() {
        server.stop();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** How long the last start took until an AMQP connection succeeded. */
    public Duration lastStart() {
        return lastStart;
    }

    public int port() {
        return amqpPort;
    }

    public String nodeName() {
        return nodeName;
    }

    /** An exchange and a queue of one test run on this node ({@link TestBroker}). */
    public TestBroker broker(String purpose) {
        return TestBroker.forRun(purpose, "127.0.0.1", amqpPort);
    }

    private static boolean acceptsAmqp(int port) {
        if (!PrivateServer.listening(port)) {
            return false;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(2000);
        try (Connection ignored = factory.newConnection("labelmint-it-ready")) {
            return true;
        } catch (IOException | TimeoutException notYet) {
            return false; // the port opens a moment before the node takes connections
        }
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "RabbitMQ node " + nodeName + " on 127.0.0.1:" + amqpPort + ", " + server;
    }
}
