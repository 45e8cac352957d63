package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.hamcrest.Matchers.containsString;

import com.labelmint.tasks.QueueFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The money pages: ledger accounts, reconciliation runs, unmatched deposits; bad filters are 400 pages. */
@QuarkusTest
class AdminMoneyTest {

    @Inject
    DataSource dataSource;

    @Test
    void ledgerAccountsReconciliationsAndUnmatchedDepositsAreShown() throws Exception {
        String hash = "unmatched-" + UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO payments.deposit (tx_hash, lt, chain_time, amount, currency, sender, comment, status, recorded_at) "
                + "VALUES (?, 9000000000000, now(), 2500000, 'USDT', 'EQ-sender', 'no such memo', 'unmatched', now())", hash);
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);

        console(session).get("/admin/money").then().statusCode(200).body(containsString("Reconciliation"))
                .body(containsString("Ledger accounts"));
        console(session).get("/admin/money?kind=user").then().statusCode(200);
        console(session).get("/admin/money?kind=piggy-bank").then().statusCode(400).body(containsString("Account kinds"));
        console(session).get("/admin/money?owner=nobody").then().statusCode(400);
        console(session).get("/admin/money?owner=" + admin.id()).then().statusCode(200);
        console(session).get("/admin/money/accounts/" + UUID.randomUUID()).then().statusCode(404);
        console(session).get("/admin/money/deposits").then().statusCode(200).body(containsString(hash))
                .body(containsString("2.500000 USDT")).body(containsString("no such memo"));
        console(session).get("/admin/money/deposits?before=garbage").then().statusCode(400);
    }
}
