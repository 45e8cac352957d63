package com.labelmint.auth.telegram;

/**
 * Telegram data that must not be trusted. The message says what was wrong with the data in
 * general terms; it never carries the data itself, a hash or a token, so it is safe to log.
 */
public class TelegramAuthException extends RuntimeException {

    /** Why the data was refused: enough for metrics and for choosing the answer to the client. */
    public enum Reason {
        /** Not a well-formed Telegram payload: bad encoding, duplicate or missing fields. */
        MALFORMED,
        /** The HMAC {@code hash} is missing or does not match: wrong bot token or altered data. */
        BAD_HASH,
        /** The Ed25519 {@code signature} is missing or does not match. */
        BAD_SIGNATURE,
        /** Signed longer ago than the allowed age: possibly replayed. */
        STALE,
        /** Signed in the future beyond the allowed clock skew. */
        FUTURE,
        /** Authentic, but it does not say who the user is. */
        MISSING_USER
    }

    private final Reason reason;

    public TelegramAuthException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
