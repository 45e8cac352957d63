package com.labelmint.payments.ton;

import java.time.Duration;
import java.util.Optional;

/** The TON HTTP API did not answer what was asked. {@link #kind()} says whether trying again later can help. */
public class TonApiException extends RuntimeException {

    public enum Kind {
        /** HTTP 429: too many requests for our key (or for no key). Retry after {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** 5xx without an answer from TON, a timeout or a connection failure. Retry. */
        UNAVAILABLE(true),
        /** 401/403: the API key is wrong. Retrying will not help. */
        UNAUTHORIZED(false),
        /**
         * {@code "ok": false}: the API (or the TON node behind it) refused the request, e.g. an external message
         * the wallet does not accept (seqno already used, expired). For a send, look on chain before anything else.
         */
        REJECTED(false),
        /** The answer is not the JSON the API documents. */
        MALFORMED_RESPONSE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;

    TonApiException(Kind kind, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** 0 when no HTTP answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
