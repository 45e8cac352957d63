package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.EventDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Backlog gauges for dashboards and alerts. The counts are read on a schedule, not at every
 * scrape, so a busy scraper cannot load the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final EventDeliveries deliveries;
    private final AtomicReference<EventDeliveries.Backlog> latest = new AtomicReference<>();

    OutboxMetrics(EventDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    void register(@Observes StartupEvent startup, MeterRegistry meters) {
        Gauge.builder("labelmint.events.backlog", () -> count(b -> b.pending() + b.sent()))
                .description("Events stored but not yet delivered").register(meters);
        Gauge.builder("labelmint.events.parked", () -> count(b -> b.failed() + b.dead()))
                .description("Events FAILED or DEAD, waiting for an operator").register(meters);
        Gauge.builder("labelmint.events.oldest.waiting.seconds", () -> count(b -> b.oldestWaitingSince()
                        .map(since -> Duration.between(since, Instant.now()).toSeconds()).orElse(0L)))
                .description("Age of the oldest undelivered event").register(meters);
    }

    @Scheduled(identity = "outbox-metrics", every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        latest.set(deliveries.backlog());
    }

    private double count(java.util.function.ToLongFunction<EventDeliveries.Backlog> metric) {
        EventDeliveries.Backlog backlog = latest.get();
        return backlog == null ? Double.NaN : metric.applyAsLong(backlog);
    }
}
