package com.labelmint.notifications.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The bot's webhook stored a new Telegram update ({@code notifications.telegram_update}); the bot handles it after
 * commit. An event rather than a direct call so that an update acknowledged to Telegram is handled even if the
 * application dies right after the acknowledgement: the outbox retries it.
 */
public record TelegramUpdateReceived(UUID eventId, Instant occurredAt, long updateId) implements DomainEvent {
}
