package com.labelmint.notifications.telegram;

import com.labelmint.platform.concurrent.DaemonThreads;
import com.labelmint.platform.events.AfterCommit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fast path of the outgoing queue: once a transaction that queued calls commits, the sender runs at once
 * instead of at its next poll, so a button press is answered while the user still looks at it. Each wake-up starts
 * one more sender, up to {@code send.concurrency}, so that calls to other chats go out while Telegram answers one.
 * Nothing here is durable and nothing needs to be: a lost wake-up leaves the rows pending, and the poll sends them.
 */
@ApplicationScoped
public class SenderWakeUp {

    private final OutgoingSender sender;
    private final TransactionSynchronizationRegistry transactions;
    private final int concurrency;
    private final ExecutorService workers;
    private final AtomicInteger running = new AtomicInteger();
    /** Set by every wake-up; a sender that finds it set when it runs out of work looks once more. */
    private final AtomicBoolean woken = new AtomicBoolean();

    SenderWakeUp(OutgoingSender sender, TransactionSynchronizationRegistry transactions, TelegramBotConfig config) {
        this.sender = sender;
        this.transactions = transactions;
        this.concurrency = Math.max(1, config.send().concurrency());
        this.workers = Executors.newFixedThreadPool(concurrency, DaemonThreads.named("telegram-sender"));
    }

    /** Wakes the sender when the current transaction commits. */
    public void afterCommit() {
        AfterCommit.run(transactions, this::wake);
    }

    private void wake() {
        woken.set(true);
        for (int now = running.get(); now < concurrency; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
                workers.execute(this::sendWhileWoken);
                return;
            }
        }
    }

    /** Drains at least once (the call that woke it may be one the busy senders cannot take), and again while woken. */
    private void sendWhileWoken() {
        try {
            do {
                woken.set(false);
                sender.drain();
            } while (woken.get());
        } finally {
            running.decrementAndGet();
        }
        if (woken.get()) {
            wake(); // woken between the last look and leaving, while every sender was busy
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
