package com.labelmint.notifications.webhook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A client's endpoint to register: {@code {"url": "https://…", "events": ["item.completed", "budget.low"]}}. */
public record NewWebhook(@NotNull @Size(max = 2048) String url, @NotEmpty @Size(max = 10) List<@NotNull String> events) {
}
