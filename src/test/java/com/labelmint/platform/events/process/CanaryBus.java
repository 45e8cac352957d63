package com.labelmint.platform.events.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The event canary as the process-level tests use it: publishing through an instance's HTTP API,
 * and reading the outbox, the inbox and the receipts of given batches straight from the database.
 */
final class CanaryBus implements AutoCloseable {

    static final String PATH = "/api/v1/ops/event-canaries";
    static final String CANARY_TYPE = "platform.EventCanary";
    static final String CANARY_LISTENER = "com.labelmint.platform.events.canary.CanaryReceipts#CanaryEvent";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;

    /** Opens the one connection every read goes through (polling must not cost a connection each time). */
    CanaryBus(TestDatabase database) {
        try {
            this.connection = database.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String request(int count, int perTransaction) {
        return "{\"count\": " + count + ", \"perTransaction\": " + perTransaction + "}";
    }

    /** Publishes through the instance and returns the batch id; fails unless all were published. */
    static UUID publish(AppProcess app, int count, int perTransaction) {
        return batchOf(app.postJson(PATH, request(count, perTransaction)), count);
    }

    static UUID batchOf(HttpResponse<String> response, int count) {
        assertThat(response.statusCode()).as("POST %s: %s", PATH, response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("published").asInt()).isEqualTo(count);
        return UUID.fromString(body.get("batchId").asText());
    }

    /** What the instance's own canary endpoint reports on a batch. */
    static JsonNode report(AppProcess app, UUID batchId) {
        HttpResponse<String> response = app.get(PATH + "/" + batchId);
        assertThat(response.statusCode()).as("GET report: %s", response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** Every canary batch that has at least one committed event in the outbox. */
    synchronized Set<UUID> batchesInOutbox() {
        Set<UUID> batches = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                     "SELECT DISTINCT payload->>'batchId' FROM platform.outbox_event WHERE type = ?")) {
            query.setString(1, CANARY_TYPE);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    batches.add(UUID.fromString(result.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return batches;
    }

    /** All canary receipts in the database, whatever their batch. */
    synchronized long allReceipts() {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM platform.event_canary_receipt");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Canary events stored and not yet delivered (PENDING or SENT), over every batch. */
    synchronized long canariesInFlight() {
        try (PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM platform.outbox_event WHERE type = ? AND status IN ('PENDING', 'SENT')")) {
            query.setString(1, CANARY_TYPE);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outbox, inbox and receipts of the given batches, read in one statement. */
    synchronized State state(Collection<UUID> batches) {
        UUID[] ids = batches.toArray(UUID[]::new);
        String sql = """
                WITH events AS (
                    SELECT id, status, attempts FROM platform.outbox_event
                    WHERE type = ? AND (payload->>'batchId')::uuid = ANY (?))
                SELECT (SELECT count(*) FROM events),
                       (SELECT count(*) FROM events WHERE status = 'PENDING'),
                       (SELECT count(*) FROM events WHERE status = 'SENT'),
                       (SELECT count(*) FROM events WHERE status = 'DELIVERED'),
                       (SELECT count(*) FROM events WHERE status = 'FAILED'),
                       (SELECT count(*) FROM events WHERE status = 'DEAD'),
                       (SELECT coalesce(max(attempts), 0) FROM events),
                       (SELECT count(*) FROM platform.event_canary_receipt WHERE batch_id = ANY (?)),
                       (SELECT count(DISTINCT event_id) FROM platform.event_canary_receipt WHERE batch_id = ANY (?)),
                       (SELECT count(DISTINCT r.event_id) FROM platform.event_canary_receipt r JOIN events e ON e.id = r.event_id),
                       (SELECT count(*) FROM platform.inbox i JOIN events e ON e.id = i.event_id WHERE i.listener = ?)
                """;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, CANARY_TYPE);
            query.setArray(2, connection.createArrayOf("uuid", ids));
            query.setArray(3, connection.createArrayOf("uuid", ids));
            query.setArray(4, connection.createArrayOf("uuid", ids));
            query.setString(5, CANARY_LISTENER);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return new State(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                        r.getInt(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to ten events of the batches with more than one receipt, for a failure message. */
    synchronized List<String> duplicates(Collection<UUID> batches) {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                     SELECT event_id, sequence, count(*), string_agg(received_at::text, ', ' ORDER BY received_at)
                     FROM platform.event_canary_receipt WHERE batch_id = ANY (?)
                     GROUP BY event_id, sequence HAVING count(*) > 1 ORDER BY sequence LIMIT 10""")) {
            query.setArray(1, connection.createArrayOf("uuid", batches.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    found.add(result.getString(1) + " (sequence " + result.getInt(2) + "): " + result.getLong(3)
                            + " receipts at " + result.getString(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * Waits until every outbox row of the batches has left PENDING/SENT and the expected number of
     * receipts exists, then a little longer, so that a late duplicate would still be seen.
     */
    State awaitSettled(Collection<UUID> batches, long expected, Duration timeout, AppProcess... running) {
        long deadline = System.nanoTime() + timeout.toNanos();
        State state = state(batches);
        while ((state.inFlight() > 0 || state.receipts() < expected) && state.failed() + state.dead() == 0) {
            for (AppProcess app : running) {
                app.assertAlive();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not delivered within " + timeout + ": " + state);
            }
            sleep(200);
            state = state(batches);
        }
        sleep(1500); // longer than a poll interval: anything delivered twice would show up now
        return state(batches);
    }

    /**
     * Every stored event of the batches DELIVERED, received once by its listener, with one inbox
     * record: what the bus promises, however many instances, transports and kills were involved.
     */
    void assertDeliveredExactlyOnce(State state, long events, Collection<UUID> batches) {
        assertThat(state.outboxRows()).as("outbox rows: %s", state).isEqualTo(events);
        assertThat(state.delivered()).as("every row DELIVERED, none PENDING/SENT/FAILED/DEAD: %s", state).isEqualTo(events);
        assertThat(state.distinctReceipts()).as("every event received: %s", state).isEqualTo(events);
        assertThat(state.receipts()).as("each event received once: %s; duplicates %s", state, duplicates(batches))
                .isEqualTo(events);
        assertThat(state.receiptsOfStoredEvents()).as("receipts only of stored events: %s", state).isEqualTo(events);
        assertThat(state.inboxRecords()).as("one inbox record per event: %s", state).isEqualTo(events);
    }

    /** The bus state of a set of canary batches. */
    record State(long outboxRows, long pending, long sent, long delivered, long failed, long dead, int maxAttempts,
                 long receipts, long distinctReceipts, long receiptsOfStoredEvents, long inboxRecords) {

        long inFlight() {
            return pending + sent;
        }

        long undelivered() {
            return outboxRows - delivered;
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
