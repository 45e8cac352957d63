package com.labelmint.platform.events.outbox;

import com.labelmint.platform.log.ThrottledWarning;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One connection to RabbitMQ that is there whenever the broker is. amqp-client's automatic recovery brings an
 * established connection back after an outage, with its channels, the topology declared on them and their
 * consumers; what it does not do is the first connection. An instance started while the broker is away keeps trying
 * here, in the background, and sets the connection up once it succeeds.
 */
final class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);
    private static final int CLOSE_TIMEOUT_MILLIS = 5000;

    /** What a new connection needs before it is used: the topology it declares, the consumers it starts. */
    @FunctionalInterface
    interface SetUp {
        void run(Connection connection) throws IOException;
    }

    private final ConnectionFactory factory;
    private final String name;
    private final SetUp setUp;
    private final ScheduledExecutorService attempts;
    private final Duration retryInterval;
    private final ThrottledWarning unreachable = new ThrottledWarning(LOG, Duration.ofMinutes(1));
    private volatile Connection connection;
    private volatile boolean closed;

    private BrokerConnection(ConnectionFactory factory, String name, SetUp setUp, ScheduledExecutorService attempts,
                             Duration retryInterval) {
        this.factory = factory;
        this.name = name;
        this.setUp = setUp;
        this.attempts = attempts;
        this.retryInterval = retryInterval;
    }

    /** Starts connecting on {@code attempts} and returns at once; {@link #current()} is empty until it succeeds. */
    static BrokerConnection open(ConnectionFactory factory, String name, SetUp setUp, ScheduledExecutorService attempts,
                                 Duration retryInterval) {
        BrokerConnection broker = new BrokerConnection(factory, name, setUp, attempts, retryInterval);
        attempts.execute(broker::connect);
        return broker;
    }

    /** The connection once it was made; it may be recovering from an outage (then its channels fail at once). */
    Optional<Connection> current() {
        return Optional.ofNullable(connection);
    }

    private void connect() {
        if (closed) {
            return;
        }
        Connection opened = null;
        try {
            opened = factory.newConnection(name);
            setUp.run(opened);
            ((Recoverable) opened).addRecoveryListener(new Reporting());
            opened.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication()) {
                    LOG.warnf("Lost the RabbitMQ connection %s (%s); events wait in the outbox until it is back",
                            name, cause.getMessage());
                }
            });
            connection = opened;
            LOG.infof("Connected to RabbitMQ at %s:%d as %s", factory.getHost(), factory.getPort(), name);
            if (closed) {
                close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeQuietly(opened);
            unreachable.warn("Cannot reach RabbitMQ at " + factory.getHost() + ":" + factory.getPort()
                    + ", trying again every " + retryInterval.toSeconds() + " s", e.toString());
            attempts.schedule(this::connect, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection opened) {
        if (opened != null && opened.isOpen()) {
            try {
                opened.close(CLOSE_TIMEOUT_MILLIS);
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Closing a RabbitMQ connection failed; it is abandoned");
            }
        }
    }

    private final class Reporting implements RecoveryListener {

        @Override
        public void handleRecoveryStarted(Recoverable recoverable) {
            LOG.infof("Reconnecting to RabbitMQ as %s", name);
        }

        @Override
        public void handleRecovery(Recoverable recoverable) {
            LOG.infof("Reconnected to RabbitMQ as %s: channels, topology and consumers restored", name);
        }
    }
}
