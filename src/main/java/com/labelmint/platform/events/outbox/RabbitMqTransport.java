package com.labelmint.platform.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Hands outbox rows to RabbitMQ through SmallRye Reactive Messaging and waits for the broker's
 * publisher confirm: a row counts as handed over only once the broker has taken responsibility.
 */
@ApplicationScoped
@Typed(RabbitMqTransport.class) // the producer decides which transport is the EventTransport
public class RabbitMqTransport implements EventTransport {

    static final String OUTGOING = "labelmint-events-out";
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final Emitter<String> broker;
    private final ObjectMapper json;

    RabbitMqTransport(@Channel(OUTGOING) Emitter<String> broker, ObjectMapper json) {
        this.broker = broker;
        this.json = json;
    }

    @Override
    public Map<UUID, DeliveryOutcome> deliver(List<StoredEvent> rows) {
        Map<UUID, CompletableFuture<Void>> confirms = new LinkedHashMap<>();
        Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
        for (StoredEvent row : rows) {
            try {
                CompletableFuture<Void> confirm = new CompletableFuture<>();
                broker.send(toMessage(row, confirm));
                confirms.put(row.id(), confirm);
            } catch (JsonProcessingException e) {
                outcomes.put(row.id(), new DeliveryOutcome.Dead("Stored payload is not JSON: " + e.getMessage()));
            } catch (RuntimeException e) {
                outcomes.put(row.id(), new DeliveryOutcome.Retry("Broker refused the message: " + e));
            }
        }
        long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
        confirms.forEach((id, confirm) -> outcomes.put(id, awaitConfirm(confirm, deadline)));
        return outcomes;
    }

    private static DeliveryOutcome awaitConfirm(CompletableFuture<Void> confirm, long deadline) {
        try {
            confirm.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return DeliveryOutcome.HANDED_TO_BROKER;
        } catch (ExecutionException e) {
            return new DeliveryOutcome.Retry("Broker did not confirm: " + e.getCause());
        } catch (TimeoutException e) {
            return new DeliveryOutcome.Retry("Broker did not confirm within " + CONFIRM_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retry("Interrupted while waiting for the broker");
        }
    }

    /**
     * The broker's confirm completes a plain future. A Mutiny pipeline per message would capture
     * this thread's transaction context and carry it to the event loop, where Narayana then sees
     * a second thread inside the relay's transaction and refuses to commit it.
     */
    private Message<String> toMessage(StoredEvent row, CompletableFuture<Void> confirm) throws JsonProcessingException {
        BrokerEnvelope envelope = new BrokerEnvelope(row.id(), row.type(), row.version(), row.attempts(),
                json.readTree(row.payload()));
        OutgoingRabbitMQMetadata metadata = new OutgoingRabbitMQMetadata.Builder()
                .withMessageId(row.id().toString())
                .withRoutingKey(row.type())
                .withContentType(BrokerEnvelope.CONTENT_TYPE)
                .withDeliveryMode(2) // persistent: survives a broker restart
                .build();
        return Message.of(json.writeValueAsString(envelope), Metadata.of(metadata))
                .withAck(() -> {
                    confirm.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    confirm.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
