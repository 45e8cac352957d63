package com.labelmint.tasks.asset;

import java.net.URI;
import java.time.Instant;

/** A link that reads one asset with a plain GET until it expires. */
public record PresignedDownload(URI url, Instant expiresAt) {
}
