package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What the Bot API made of a call, sorted by what the sender does next.
 *
 * @param result the {@code result} of a successful call, else {@code null}
 * @param retryAfter how long Telegram asked us to wait (429), else {@code null}
 */
public record BotApiResult(Outcome outcome, JsonNode result, Duration retryAfter, String description) {

    public enum Outcome {
        /** Done. */
        SENT,
        /** 429: too many requests; wait {@code retryAfter}. */
        RETRY_AFTER,
        /** 403: the user blocked the bot (or it was removed from the chat); stop writing there. */
        BLOCKED,
        /** 400 and other refusals of the call itself: trying again would fail again. */
        REJECTED,
        /** 5xx, a network error or an answer that is not the Bot API's: try again later. */
        TRANSIENT
    }

    static BotApiResult sent(JsonNode result) {
        return new BotApiResult(Outcome.SENT, result, null, null);
    }

    static BotApiResult failed(Outcome outcome, String description) {
        return new BotApiResult(outcome, null, null, description);
    }

    public boolean isSent() {
        return outcome == Outcome.SENT;
    }
}
