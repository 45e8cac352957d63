package com.labelmint.notifications.webhook;

import com.labelmint.notifications.delivery.Backoff;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sends due webhook deliveries: a batch claimed with {@code FOR UPDATE SKIP LOCKED} and leased (its next attempt pushed
 * past the time one attempt can take), so no lock or connection is held during HTTP and a sender that dies leaves the
 * rows to another after the lease. Each attempt is recorded with its status code; a 2xx succeeds, anything else —
 * redirects included, which are never followed — is retried with exponential backoff until the delivery's
 * {@code give_up_at}, then failed.
 */
@ApplicationScoped
class WebhookSender {

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE notifications.webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                WHERE d.id IN (SELECT id FROM notifications.webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now()
                               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.webhook_id, d.event_type, d.body, d.attempts, d.give_up_at)
            SELECT c.id, c.event_type, c.body, c.attempts, c.give_up_at, w.url, w.secret
            FROM claimed c JOIN notifications.webhook w ON w.id = c.webhook_id""";
    private static final String RECORD = """
            WITH attempt AS (
                INSERT INTO notifications.webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?))
            UPDATE notifications.webhook_delivery SET status = ?, last_status = ?, next_attempt_at = ?, completed_at = ?
            WHERE id = ? AND status = 'pending'""";

    private final DataSource dataSource;
    private final Clock clock;
    private final WebhooksConfig config;
    private final AddressGuard guard;
    private final Backoff backoff;
    private final HttpClient http;

    WebhookSender(DataSource dataSource, Clock clock, WebhooksConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.guard = new AddressGuard(config.requireHttps(), config.allowPrivateAddresses());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(every = "${labelmint.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendRegularly() throws SQLException {
        while (sendDue() == config.batch()) {
            // a full batch: more may be due
        }
    }

    int sendDue() throws SQLException {
        List<Claimed> claimed = claim();
        for (Claimed delivery : claimed) {
            record(delivery, attempt(delivery));
        }
        return claimed.size();
    }

    private Outcome attempt(Claimed delivery) {
        Instant started = clock.instant();
        Optional<String> refusal = guard.refusal(delivery.url());
        if (refusal.isPresent()) {
            return new Outcome(started, null, "refused: " + refusal.get(), 0);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "LabelMint-Webhooks/1")
                .header("X-LabelMint-Event", delivery.eventType())
                .header("X-LabelMint-Delivery", delivery.id().toString())
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), started.getEpochSecond(), delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not read: closing drops it, so a slow or endless body cannot hold the sender
            response.body().close();
            int status = response.statusCode();
            return new Outcome(started, status, status / 100 == 2 ? null : "HTTP " + status, millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(started, null, "timed out after " + config.timeout(), millisSince(started));
        } catch (IOException e) {
            return new Outcome(started, null, e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(started, null, "interrupted", millisSince(started));
        }
    }

    private void record(Claimed delivery, Outcome outcome) throws SQLException {
        Instant now = clock.instant();
        Instant next = now.plus(backoff.after(delivery.attempts()));
        String status = outcome.succeeded() ? "succeeded" : next.isAfter(delivery.giveUpAt()) ? "failed" : "pending";
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(RECORD)) {
            update.setObject(1, delivery.id());
            update.setTimestamp(2, Timestamp.from(outcome.attemptedAt()));
            update.setObject(3, outcome.statusCode());
            update.setString(4, outcome.error());
            update.setInt(5, outcome.durationMs());
            update.setString(6, status);
            update.setObject(7, outcome.statusCode());
            update.setTimestamp(8, Timestamp.from(status.equals("pending") ? next : now));
            update.setTimestamp(9, status.equals("pending") ? null : Timestamp.from(now));
            update.setObject(10, delivery.id());
            update.executeUpdate();
        }
    }

    private List<Claimed> claim() throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(CLAIM)) {
            query.setDouble(1, config.timeout().plusMinutes(1).toMillis() / 1000.0);
            query.setInt(2, config.batch());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getTimestamp(5).toInstant(), rows.getString(6), rows.getString(7)));
                }
            }
        }
        return claimed;
    }

    private int millisSince(Instant started) {
        return (int) Math.max(0, clock.millis() - started.toEpochMilli());
    }

    private record Claimed(UUID id, String eventType, String body, int attempts, Instant giveUpAt, String url, String secret) {
    }

    private record Outcome(Instant attemptedAt, Integer statusCode, String error, int durationMs) {

        boolean succeeded() {
            return error == null;
        }
    }
}
