package com.labelmint.tasks.asset;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * How to upload one file: send {@code method} to {@code url} with these headers (names in lower
 * case) and a body of
 * exactly the size that was asked for (HTTP clients set {@code Content-Length} from the body
 * themselves, and browsers refuse to let scripts set it, so it is not among the headers).
 */
public record PresignedUpload(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedUpload {
        headers = Map.copyOf(headers);
    }
}
