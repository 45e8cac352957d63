package com.labelmint.platform.events.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/** The scheduled side of the relay: pick up what the after-commit path missed, and purge old rows. */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    private final EventsConfig config;
    private final OutboxRelay relay;
    private final OutboxStore outbox;
    /** Set on shutdown: a poll that fires while the container stops would fail half-way. */
    private volatile boolean stopping;

    OutboxMaintenance(EventsConfig config, OutboxRelay relay, OutboxStore outbox) {
        this.config = config;
        this.relay = relay;
        this.outbox = outbox;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(identity = "outbox-poller", every = "${labelmint.events.relay.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayDue() {
        if (!config.relay().enabled() || stopping) {
            return;
        }
        int batch = config.relay().batchSize();
        while (!stopping && relay.relayDue(batch) == batch) {
            // keep going while full batches come back: a backlog drains at full speed
        }
    }

    @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeDelivered() {
        Instant cutoff = Instant.now().minus(config.retention());
        int purged = QuarkusTransaction.requiringNew().call(() -> outbox.purgeDeliveredBefore(cutoff));
        if (purged > 0) {
            LOG.infof("Purged %d delivered events older than %s", purged, cutoff);
        }
    }
}
