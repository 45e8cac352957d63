package com.labelmint.notifications.telegram;

import com.labelmint.platform.events.AfterCommit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fast path of the outgoing queue: once a transaction that queued calls commits, the sender runs at once
 * instead of at its next poll, so a button press is answered while the user still looks at it. Nothing here is
 * durable and nothing needs to be: a lost wake-up leaves the rows pending, and the poll sends them.
 */
@ApplicationScoped
public class SenderWakeUp {

    private final OutgoingSender sender;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "telegram-sender-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    SenderWakeUp(OutgoingSender sender, TransactionSynchronizationRegistry transactions) {
        this.sender = sender;
        this.transactions = transactions;
    }

    /** Wakes the sender when the current transaction commits. */
    public void afterCommit() {
        AfterCommit.run(transactions, this::wake);
    }

    private void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                sender.drain();
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
