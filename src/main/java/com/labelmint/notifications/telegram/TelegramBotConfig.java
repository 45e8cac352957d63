package com.labelmint.notifications.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The bot's settings (docs/configuration.md); {@code bot-token} is shared with Telegram sign-in. */
@ConfigMapping(prefix = "labelmint.telegram")
public interface TelegramBotConfig {

    /** The bot's token from BotFather; without it nothing is sent. */
    Optional<String> botToken();

    /** What Telegram must send in X-Telegram-Bot-Api-Secret-Token; without it the webhook refuses every update. */
    Optional<String> webhookSecret();

    /** The Bot API server: Telegram's, or a self-hosted one. */
    @WithDefault("https://api.telegram.org")
    URI apiUrl();

    /** Where Telegram reaches this application (the webhook is {@code <public-url>/telegram/webhook}) and the Mini App is served. */
    Optional<URI> publicUrl();

    /** The bot's @username without the @, for t.me links. */
    Optional<String> botUsername();

    /** Call setWebhook, setMyCommands and (see menu-button) setChatMenuButton at start-up (needs public-url and webhook-secret). */
    @WithDefault("false")
    boolean registerWebhook();

    /** With register-webhook, also make the bot's menu button open the Mini App at {@code <public-url>/app}. */
    @WithDefault("true")
    boolean menuButton();

    /** How long a link token from POST /api/v1/users/me/telegram-link stays usable. */
    @WithDefault("15m")
    Duration linkTokenTtl();

    /** How long handled updates, finished calls, closed cards and spent link tokens are kept (at least a few days). */
    @WithDefault("7d")
    Duration retention();

    Send send();

    /** The outgoing queue. */
    interface Send {

        /** Bot API calls per second from this instance, to all chats together (Telegram allows about 30). */
        @WithDefault("30")
        int perSecond();

        /**
         * Bot API calls this instance has in flight at once, each to another chat: Telegram's round trip (tens to
         * hundreds of milliseconds) would otherwise hold the sender below {@code per-second}, and one slow chat would
         * hold up every other.
         */
        @WithDefault("4")
        int concurrency();

        /** The least time between two new messages to one chat (Telegram allows about one a second). */
        @WithDefault("1s")
        Duration perChatInterval();

        /** How often the sender looks for due calls besides the wake-up after each commit that queued some (at least 1s). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Tries for a call that fails with 5xx or a network error before it is given up as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** The first wait after a 5xx or network error; it doubles with each try up to max-backoff. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** How long one Bot API call may take. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
