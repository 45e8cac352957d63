package com.labelmint.platform.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the broker transport connects ({@code labelmint.events.transport=rabbitmq} only). */
@ConfigMapping(prefix = "labelmint.rabbitmq")
public interface RabbitMqConfig {

    /** RabbitMQ's {@code guest} user is allowed from loopback only: the name {@code localhost} may resolve to ::1. */
    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    @WithDefault("guest")
    String username();

    @WithDefault("guest")
    String password();

    @WithDefault("/")
    String virtualHost();

    /** AMQPS, with the JVM's trust store and the host name checked against the broker's certificate. */
    @WithDefault("false")
    boolean tls();

    /** How long to wait between attempts to reach a broker that is away, at start-up and after an outage. */
    @WithDefault("5s")
    Duration reconnectInterval();
}
