package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.csrf;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.labelmint.tasks.QueueFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The events page: failed deliveries listed, and a retry that puts one back in line, audited. */
@QuarkusTest
class AdminEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aFailedDeliveryIsListedAndRetriedOnce() throws Exception {
        UUID event = UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at, status, attempts, last_error) "
                + "VALUES (?, 'admin.TestOnly', 1, '{}', now(), 'FAILED', 5, 'listener exploded')", event);
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);

        console(session).get("/admin/events?kind=failed").then().statusCode(200)
                .body(containsString("listener exploded")).body(containsString("/admin/events/" + event + "/retry"));
        console(session).get("/admin/events?kind=stuck").then().statusCode(400);
        console(session).get("/admin/events?from=-5").then().statusCode(400);

        console(session).formParam("csrf", csrf(session)).formParam("kind", "failed").post("/admin/events/" + event + "/retry")
                .then().statusCode(303);
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM platform.outbox_event WHERE id = ? AND status = 'FAILED'", event))
                .isZero();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'event.retry' AND target_id = ? "
                + "AND before->>'status' = 'FAILED'", event.toString())).isEqualTo(1);
        console(session).formParam("csrf", csrf(session)).post("/admin/events/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }
}
