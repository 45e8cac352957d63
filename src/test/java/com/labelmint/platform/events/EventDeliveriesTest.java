package com.labelmint.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventDeliveriesTest {

    @Inject
    EventPublisher events;
    @Inject
    EventDeliveries deliveries;
    @Inject
    SampleListeners.Auditor auditor;
    @Inject
    OutboxRowReader rows;

    @Test
    void aParkedEventIsListedWithItsErrorAndARetryDeliversIt() {
        auditor.failNext("operator-retry", 1_000);
        SampleHappened event = SampleHappened.of("operator-retry");
        QuarkusTransaction.requiringNew().run(() -> events.publish(event));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.find(event.eventId())
                .map(d -> d.status().equals("FAILED")).orElse(false));
        assertThat(deliveries.problems(EventDeliveries.Problem.FAILED, 0, 500))
                .anySatisfy(d -> {
                    assertThat(d.eventId()).isEqualTo(event.eventId());
                    assertThat(d.type()).isEqualTo("sample.SampleHappened");
                    assertThat(d.lastError()).contains("told to fail on operator-retry");
                    assertThat(d.payload()).contains("operator-retry");
                });
        assertThat(deliveries.backlog().failed()).isPositive();

        auditor.failNext("operator-retry", 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.retry(event.eventId()))).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries.find(event.eventId()).orElseThrow().status()));
        assertThat(auditor.completions(event.eventId())).isEqualTo(1);
        assertThat(deliveries.problems(EventDeliveries.Problem.FAILED, 0, 500))
                .noneSatisfy(d -> assertThat(d.eventId()).isEqualTo(event.eventId()));
    }

    @Test
    void aDeadEventIsListedAndRetryingADeliveredOneIsRefused() {
        UUID dead = UUID.randomUUID();
        rows.insertRaw(dead, "sample.Vanished", 1, "{}");

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.problems(EventDeliveries.Problem.DEAD, 0, 500)
                .stream().anyMatch(d -> d.eventId().equals(dead)));

        SampleHappened fine = SampleHappened.of("fine");
        QuarkusTransaction.requiringNew().run(() -> events.publish(fine));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries.find(fine.eventId()).orElseThrow().status()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.retry(fine.eventId()))).isFalse();
        assertThat(deliveries.find(UUID.randomUUID())).isEmpty();
    }
}
