package com.labelmint.platform.events.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The fast path: ids of just-committed events wait here for a relay thread, which takes them in
 * batches (one when idle, many under load). Nothing here is durable and nothing needs to be: an id
 * dropped by a full queue or a crash is still a PENDING row, and the poller delivers it.
 */
@ApplicationScoped
public class RelayTrigger {

    private static final Logger LOG = Logger.getLogger(RelayTrigger.class);

    private final EventsConfig.Relay config;
    private final OutboxRelay relay;
    private final BlockingQueue<UUID> committed;
    private ExecutorService workers;

    RelayTrigger(EventsConfig config, OutboxRelay relay) {
        this.config = config.relay();
        this.relay = relay;
        this.committed = new LinkedBlockingQueue<>(this.config.queueCapacity());
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Event relay is off on this instance: it stores events, other instances deliver them");
            return;
        }
        workers = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < config.threads(); i++) {
            workers.submit(this::relayWhileRunning);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    void committed(List<UUID> ids) {
        if (workers == null) {
            return;
        }
        for (UUID id : ids) {
            if (!committed.offer(id)) {
                return; // the poller takes what does not fit
            }
        }
    }

    private void relayWhileRunning() {
        List<UUID> batch = new ArrayList<>(config.batchSize());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(committed.take());
                committed.drainTo(batch, config.batchSize() - 1);
                relay.relay(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(e, "After-commit relay of %d events failed; the poller will retry them", batch.size());
            } finally {
                batch.clear();
            }
        }
    }
}
