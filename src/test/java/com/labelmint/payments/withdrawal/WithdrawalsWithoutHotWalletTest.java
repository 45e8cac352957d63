package com.labelmint.payments.withdrawal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.payments.HotWalletMoney;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A server without a hot wallet seed (the test profile's default) takes no withdrawal: it could never send one. */
@QuarkusTest
class WithdrawalsWithoutHotWalletTest {

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    LedgerAccounts accounts;

    @Test
    void aWithdrawalIsRefusedWith503AndNothingIsHeld() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        HotWalletMoney.deposit(dataSource, accounts, ledger, labeler.id(), "10");

        given().auth().oauth2(labeler.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("amount", "5", "address", "0:" + "22".repeat(32))).post("/api/v1/wallet/withdrawals")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:payouts-disabled"));

        given().auth().oauth2(labeler.accessToken()).get("/api/v1/wallet").then().statusCode(200)
                .body("balances[0].available.amount", equalTo("10.000000")).body("balances[0].held.amount", equalTo("0.000000"));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.withdrawal WHERE user_id = ?", labeler.id())).isZero();
    }
}
