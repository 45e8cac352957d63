package com.labelmint.notifications.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code labelmint.webhooks.*}: which endpoints clients may register and how deliveries to them are tried. */
@ConfigMapping(prefix = "labelmint.webhooks")
public interface WebhooksConfig {

    /** Only {@code https} endpoints; off in dev and test, where receivers listen on plain http on localhost. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Endpoints may be (or resolve to) loopback, private, link-local and other internal addresses. Off in production:
     * a webhook must never become a way to make this server call into its own network (SSRF).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Connect and response timeout of one attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How long a delivery is retried after the event; then it is failed (and can still be redelivered by hand). */
    @WithDefault("24h")
    Duration retryFor();

    /** The wait after the first failed attempt; doubling after each further one, up to {@link #maxBackoff}. */
    @WithDefault("30s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How often the sender looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed at a time; each claimed one is left to its sender for {@code timeout} and a minute more. */
    @WithDefault("20")
    int batch();

    /** Endpoints per project. */
    @WithDefault("10")
    int maxPerProject();
}
