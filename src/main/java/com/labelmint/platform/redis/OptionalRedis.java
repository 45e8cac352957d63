package com.labelmint.platform.redis;

import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Redis is optional: the no-setup run has none, and features fall back to in-process equivalents.
 * This is the one place that decides whether it is there. The client is looked up only when
 * {@code quarkus.redis.hosts} is set, because without hosts the Redis beans are inactive and
 * resolving one fails.
 */
@ApplicationScoped
public class OptionalRedis {

    private final Optional<String> hosts;
    private final Supplier<Redis> client;

    @Inject
    OptionalRedis(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts, Instance<Redis> client) {
        this(hosts, client::get);
    }

    /** For a client made by hand, as tests do. */
    public OptionalRedis(Optional<String> hosts, Supplier<Redis> client) {
        this.hosts = hosts.filter(value -> !value.isBlank());
        this.client = client;
    }

    public boolean configured() {
        return hosts.isPresent();
    }

    /** The default Redis client; only when {@link #configured()}. */
    public Redis client() {
        if (!configured()) {
            throw new IllegalStateException("No Redis configured (quarkus.redis.hosts is not set)");
        }
        return client.get();
    }

    /** Where Redis is, for logs and health data: host and port only, never credentials. */
    public String address() {
        return hosts.map(OptionalRedis::withoutCredentials).orElse("none");
    }

    private static String withoutCredentials(String hosts) {
        return Arrays.stream(hosts.split(","))
                .map(String::trim)
                .map(OptionalRedis::hostAndPort)
                .collect(Collectors.joining(","));
    }

    private static String hostAndPort(String host) {
        try {
            URI uri = URI.create(host);
            if (uri.getHost() == null) {
                return "(unparseable address)";
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "(unparseable address)"; // never echo a string that may hold a password
        }
    }
}
