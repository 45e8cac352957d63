package com.labelmint.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciliation job against a chain that agrees, holds too little, or holds money the ledger cannot explain. */
@QuarkusTest
class ReconciliationTest {

    private static final String RECONCILIATIONS = "/api/v1/admin/ledger/reconciliations";

    @Inject
    DataSource dataSource;

    @Inject
    LedgerAccounts accounts;

    @Inject
    Reconciliation reconciliation;

    @Inject
    StandInChainBalance chain;

    private Person admin;

    @BeforeEach
    void anAdmin() throws Exception {
        admin = TestAccounts.admin(dataSource);
    }

    @AfterEach
    void noChainForOtherTests() {
        chain.reports(Optional.empty());
    }

    @Test
    void aChainThatAgreesIsCleanAndAnyDifferenceStopsWithdrawalsUntilItIsGone() throws Exception {
        long ledger = hotWalletLedgerUnits();

        chain.reports(Optional.of(Money.ofUnits(ledger, Currency.USDT)));
        reconcile().body("clean", equalTo(true)).body("hotWalletChain.amount", equalTo(Money.ofUnits(ledger, Currency.USDT).amount()));
        assertThat(reconciliation.withdrawalsAllowed()).isTrue();

        // deposits nobody's memo matched are on chain but not on anyone's balance: explained, up to their sum
        long unmatched = QueueFixtures.count(dataSource, "SELECT coalesce(sum(amount), 0) FROM payments.deposit WHERE status = 'unmatched'");
        chain.reports(Optional.of(Money.ofUnits(ledger + unmatched, Currency.USDT)));
        reconcile().body("clean", equalTo(true));

        chain.reports(Optional.of(Money.ofUnits(ledger + unmatched + 1, Currency.USDT)));
        reconcile().body("clean", equalTo(false)).body("violations[0]", containsString("on chain"));
        assertThat(reconciliation.withdrawalsAllowed()).isFalse();
        given().get("/q/metrics").then().body(containsString("labelmint_ledger_reconciliation_clean 0.0"));

        chain.reports(Optional.of(Money.ofUnits(ledger - 1, Currency.USDT)));
        reconcile().body("clean", equalTo(false));

        chain.reports(Optional.of(Money.ofUnits(ledger, Currency.USDT)));
        reconcile().body("clean", equalTo(true));
        assertThat(reconciliation.withdrawalsAllowed()).isTrue();
        given().get("/q/metrics").then().body(containsString("labelmint_ledger_reconciliation_clean 1.0"));
        given().auth().oauth2(admin.accessToken()).get(RECONCILIATIONS).then().statusCode(200).body("clean", hasItem(false));
    }

    @Test
    void withoutAChainTheInvariantsAloneAreChecked() {
        chain.reports(Optional.empty());
        reconcile().body("clean", equalTo(true)).body("hotWalletChain", equalTo(null));
    }

    private ValidatableResponse reconcile() {
        return given().auth().oauth2(admin.accessToken()).post(RECONCILIATIONS).then().statusCode(200);
    }

    private long hotWalletLedgerUnits() {
        LedgerAccount wallet = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return accounts.platform(connection, AccountKind.TON_HOT_WALLET, Currency.USDT);
            }
        });
        return wallet.debitsPosted() - wallet.creditsPosted();
    }
}
