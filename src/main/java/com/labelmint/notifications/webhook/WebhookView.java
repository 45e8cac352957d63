package com.labelmint.notifications.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered endpoint. {@code secret} is shown once, in the answer to its registration; never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, UUID projectId, String url, List<String> events, Instant createdAt, String secret) {
}
