package com.labelmint.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The memory of sessions found active: what drops an entry, and the race it must not lose. */
@QuarkusTest
class RecentlyActiveSessionsTest {

    @Inject
    RecentlyActiveSessions sessions;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void anActiveSessionIsRememberedUntilARevocationBegins() {
        UUID session = UUID.randomUUID();
        assertThat(sessions.knownActive(session)).isFalse();

        assertThat(sessions.isActive(session, () -> true)).isTrue();
        assertThat(sessions.knownActive(session)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> {
            sessions.revoking(session);
            assertThat(sessions.knownActive(session)).as("forgotten before the revocation commits").isFalse();
        });
        assertThat(sessions.knownActive(session)).isFalse();
    }

    @Test
    void aSessionFoundRevokedOrUnknownIsNotRemembered() {
        UUID session = UUID.randomUUID();

        assertThat(sessions.isActive(session, () -> false)).isFalse();

        assertThat(sessions.knownActive(session)).isFalse();
    }

    @Test
    void aLookUpThatRacedARevocationDoesNotRememberWhatItRead() {
        UUID session = UUID.randomUUID();

        // the look-up read the session active, and the revocation committed before the answer was remembered
        boolean read = sessions.isActive(session, () -> {
            QuarkusTransaction.requiringNew().run(() -> sessions.revoking(session));
            return true;
        });

        assertThat(read).isTrue();
        assertThat(sessions.knownActive(session)).isFalse();
    }

    @Test
    void anEntryLastsTheConfiguredPeriodOnly() {
        RecentlyActiveSessions brief = new RecentlyActiveSessions(transactions, Duration.ofMillis(300));
        UUID session = UUID.randomUUID();

        brief.isActive(session, () -> true);

        assertThat(brief.knownActive(session)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !brief.knownActive(session));
    }
}
