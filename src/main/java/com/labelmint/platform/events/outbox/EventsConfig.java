package com.labelmint.platform.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "labelmint.events")
public interface EventsConfig {

    /** {@code in-process} delivers to CDI observers here; {@code rabbitmq} goes through the broker. */
    @WithDefault("in-process")
    Transport transport();

    Relay relay();

    Retry retry();

    /** Where the broker transport publishes and consumes ({@link RabbitMqConfig} says how to reach the broker). */
    Rabbitmq rabbitmq();

    /** How long a row handed to the broker may wait for its consumer before it is sent again. */
    @WithDefault("2m")
    Duration sentTimeout();

    /** An undelivered event overdue by this much is reported as late. */
    @WithDefault("1m")
    Duration lateAfter();

    /** How long delivered events (and their inbox records) are kept before the purge removes them. */
    @WithDefault("7d")
    Duration retention();

    enum Transport { IN_PROCESS, RABBITMQ }

    interface Relay {
        /** An instance with the relay off only publishes; others deliver what it stored. */
        @WithDefault("true")
        boolean enabled();

        /** Threads that deliver right after commit. */
        @WithDefault("2")
        int threads();

        /** Rows claimed per relay pass. */
        @WithDefault("100")
        int batchSize();

        /** How often the poller looks for rows the after-commit path missed or must retry. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events waiting for the after-commit path; beyond this the poller takes over. */
        @WithDefault("100000")
        int queueCapacity();
    }

    interface Rabbitmq {
        /** The topic exchange all events go to, routed by event type. */
        String exchange();

        /** The queue this service's replicas share as competing consumers. */
        String queue();

        /** How many events one instance handles at once from the broker: one consumer (and channel) each. */
        int consumers();

        /**
         * Messages the broker hands each consumer ahead of its acknowledgements: enough to keep it busy while an
         * acknowledgement travels, few enough that one busy consumer does not hold what others could handle.
         */
        @WithDefault("8")
        int prefetch();
    }

    interface Retry {
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** After this many failed attempts a row is parked as FAILED until someone retries it. */
        @WithDefault("20")
        int maxAttempts();
    }
}
