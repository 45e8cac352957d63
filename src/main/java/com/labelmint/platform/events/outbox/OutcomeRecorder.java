package com.labelmint.platform.events.outbox;

import com.labelmint.platform.log.ThrottledWarning;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Writes what became of delivery attempts onto their outbox rows, in the caller's transaction. */
@ApplicationScoped
public class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final OutboxStore outbox;
    private final RetryPolicy retries;
    private final EventsConfig config;
    private final MeterRegistry meters;
    /**
     * A broker outage fails every event at once, each again at every retry: a line per event and attempt flooded the
     * log (339 in a 30 s broker outage of the marketplace scenario, thousands at production rates). Each row keeps
     * its own error and attempts, the admin page lists them, {@code labelmint.events.failed} counts them, and a
     * parked event is still logged one by one.
     */
    private final ThrottledWarning retryWarning = new ThrottledWarning(LOG, Duration.ofSeconds(30));

    OutcomeRecorder(OutboxStore outbox, RetryPolicy retries, EventsConfig config, MeterRegistry meters) {
        this.outbox = outbox;
        this.retries = retries;
        this.config = config;
        this.meters = meters;
    }

    public void record(List<StoredEvent> rows, Map<UUID, DeliveryOutcome> results) {
        List<UUID> delivered = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        Map<String, List<UUID>> postponed = new LinkedHashMap<>();
        for (StoredEvent row : rows) {
            DeliveryOutcome outcome = results.getOrDefault(row.id(), new DeliveryOutcome.Retry("transport gave no outcome"));
            if (outcome instanceof DeliveryOutcome.Delivered) {
                delivered.add(row.id());
            } else if (outcome instanceof DeliveryOutcome.HandedToBroker) {
                sent.add(row.id());
            } else if (outcome instanceof DeliveryOutcome.Retry retry) {
                recordFailure(row, retry.error());
            } else if (outcome instanceof DeliveryOutcome.Postponed postpone) {
                postponed.computeIfAbsent(postpone.reason(), reason -> new ArrayList<>()).add(row.id());
            } else if (outcome instanceof DeliveryOutcome.Dead dead) {
                recordDead(row, dead.error());
            }
        }
        outbox.markDelivered(delivered);
        outbox.markSent(sent, config.sentTimeout());
        // the first backoff: soon enough that events flow about as soon as the transport is back
        postponed.forEach((reason, ids) -> outbox.markPostponed(ids, reason, config.retry().initialBackoff()));
        meters.counter("labelmint.events.delivered").increment(delivered.size());
    }

    public void recordFailure(StoredEvent row, String error) {
        int failedAttempts = row.attempts() + 1;
        boolean park = retries.exhausted(failedAttempts);
        outbox.markFailed(row.id(), error, retries.backoffAfter(failedAttempts), park);
        meters.counter("labelmint.events.failed", "type", row.type()).increment();
        if (park) {
            LOG.errorf("Event %s (%s) failed %d times and is parked as FAILED: %s", row.id(), row.type(), failedAttempts, error);
        } else {
            retryWarning.warn("An event failed and will be retried",
                    String.format("%s (%s), attempt %d: %s", row.id(), row.type(), failedAttempts, error));
        }
    }

    public void recordDead(StoredEvent row, String error) {
        outbox.markDead(row.id(), error);
        meters.counter("labelmint.events.dead", "type", row.type()).increment();
        LOG.errorf("Event %s (%s v%d) is undeliverable and moved to DEAD: %s", row.id(), row.type(), row.version(), error);
    }
}
