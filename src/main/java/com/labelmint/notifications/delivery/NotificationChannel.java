package com.labelmint.notifications.delivery;

import java.util.UUID;

/**
 * One way of delivering notifications, a CDI bean: every bean of this type is a channel. The notifier writes one
 * delivery row per notification and channel that the person has not switched off and that {@link #reaches} them;
 * the {@link DeliveryWorker} calls {@link #deliver} for it, at least once, retrying with backoff when it throws.
 * A channel that sends outside (e-mail, Telegram) should make a repeated delivery harmless where it can.
 */
public interface NotificationChannel {

    ChannelKind kind();

    /** Whether the person can be reached this way at all: an e-mail address, a Telegram chat. */
    boolean reaches(UUID userId);

    /** Delivers it now; an exception is a failed attempt, whose message is kept as the delivery's last error. */
    void deliver(OutgoingNotification notification) throws Exception;
}
