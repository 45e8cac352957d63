package com.labelmint.platform.ratelimit;

/**
 * A store's answer for one quota. {@code allowed} says whether this quota admits the request;
 * the request passes only if every quota it was charged against admits it.
 */
public record QuotaState(boolean allowed, long remaining, long resetAfterMicros, long retryAfterMicros) {
}
