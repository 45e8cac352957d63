package com.labelmint.notifications.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Spaces this instance's Bot API calls evenly at {@code send.per-second} (Telegram's overall limit is about 30 a
 * second). Per instance: with several replicas sending, give each its share. The per-chat limit is kept in the
 * database instead ({@code telegram_chat.next_send_at}), because it must hold across replicas.
 */
@ApplicationScoped
public class SendPacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    SendPacer(TelegramBotConfig config) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, config.send().perSecond());
    }

    /** Waits for this instance's next free slot. */
    public void awaitSlot() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
