package com.labelmint.admin.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.admin.ConsoleFixtures;
import com.labelmint.tasks.QueueFixtures;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The scheduled purge deletes the console sessions that can no longer be resumed, and only those. */
@QuarkusTest
class ExpiredSessionPurgeTest {

    @Inject
    DataSource dataSource;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ExpiredSessionPurge purge;

    @Inject
    Scheduler scheduler;

    @Test
    void endedExpiredAndIdleSessionsAreDeletedAndLiveOnesKept() throws Exception {
        UUID account = UUID.randomUUID();
        String live = sessions.open(account, true);
        String signedOut = sessions.open(account, true);
        String idle = sessions.open(account, true);
        String expired = sessions.open(account, true);
        sessions.end(signedOut);
        ConsoleFixtures.sql(dataSource, "UPDATE admin.console_session SET last_seen_at = now() - interval '31 minutes' "
                + "WHERE id_hash = ?", ConsoleSessions.hash(idle));
        ConsoleFixtures.sql(dataSource, "UPDATE admin.console_session SET expires_at = now() - interval '1 second' "
                + "WHERE id_hash = ?", ConsoleSessions.hash(expired));

        purge.purge();

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.console_session WHERE account_id = ?", account)).isOne();
        assertThat(sessions.resume(live)).as("the live session still works").isPresent();
        assertThat(sessions.resume(idle)).isEmpty();
    }

    @Test
    void thePurgeIsScheduledEveryPurgeInterval() {
        Trigger job = scheduler.getScheduledJob("admin-session-purge");
        assertThat(job).as("scheduled").isNotNull();
        // the first run waits a minute after start-up, then every 15 minutes (the default interval)
        assertThat(Duration.between(Instant.now(), job.getNextFireTime())).isLessThanOrEqualTo(Duration.ofMinutes(16));
    }
}
