package com.labelmint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.withdrawal.WithdrawalProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The money and review pages in a real browser ({@link ConsoleBrowser}), with a hot wallet on the toncenter
 * stand-in: an admin finds a withdrawal awaiting approval from the dashboard, approves it, rejects another after
 * the confirmation step, and overrides consensus on an item in review. Every page visited is saved under
 * target/screenshots/.
 */
@QuarkusTest
@TestProfile(WithdrawalProfile.class)
class AdminWithdrawalsAndReviewsBrowserTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerAccounts accounts;

    @Inject
    Ledger ledger;

    @Inject
    PaymentsApi payments;

    @Inject
    ItemDecisions decisions;

    @TestHTTPResource("/")
    URL root;

    private ConsoleBrowser browser;
    private WithdrawalFixtures.Requested approved;

    @BeforeEach
    void startChromium() throws IOException {
        browser = ConsoleBrowser.start(root);
    }

    /** The approved withdrawal is rejected again, so the sender of the withdrawal tests sharing this application does not find it. */
    @AfterEach
    void stopChromium() throws IOException {
        if (approved != null && payments.withdrawalCase(approved.id()).orElseThrow().rejectable()) {
            payments.rejectWithdrawal(new UUID(0, 0), approved.id(), "test over");
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminApprovesAWithdrawalRejectsAnotherAndDecidesAReview() throws Exception {
        approved = WithdrawalFixtures.awaitingApproval(dataSource, accounts, ledger);
        WithdrawalFixtures.Requested rejected = WithdrawalFixtures.awaitingApproval(dataSource, accounts, ledger);
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of());
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);

        browser.signIn(admin);
        assertThat(browser.text(By.cssSelector(".tiles"))).contains("withdrawals waiting for approval", "items waiting for review");
        browser.screenshot("21-dashboard-with-withdrawals");

        browser.clickAndLoad(By.linkText("withdrawals waiting for approval"));
        assertThat(browser.currentUrl()).endsWith("/admin/money/withdrawals");
        assertThat(browser.text(By.cssSelector("table.withdrawals"))).contains("60.000000 USDT", approved.labeler().id().toString());
        browser.screenshot("22-withdrawals-awaiting-approval");

        browser.clickAndLoad(By.cssSelector("a[href='/admin/money/withdrawals/" + approved.id() + "']"));
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("awaiting_approval", "held", WithdrawalFixtures.ADDRESS);
        browser.screenshot("23-withdrawal");
        browser.type(By.cssSelector("#approve input[name=reason]"), "known labeler");
        browser.clickAndLoad(By.cssSelector("#approve button"));
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("approved", "known labeler", admin.id().toString());
        assertThat(browser.text(By.cssSelector("table.history"))).contains("awaiting_approval", "approved");
        browser.screenshot("24-withdrawal-approved");

        browser.open("admin/money/withdrawals/" + rejected.id());
        browser.type(By.cssSelector("#reject input[name=reason]"), "address on a sanctions list");
        browser.clickAndLoad(By.cssSelector("#reject button"));
        assertThat(browser.text(By.cssSelector(".question"))).contains("60.000000 USDT", "address on a sanctions list");
        browser.screenshot("25-withdrawal-rejection-confirmation");
        browser.clickAndLoad(By.cssSelector("button.danger"));
        assertThat(browser.currentUrl()).endsWith("/admin/money/withdrawals/" + rejected.id());
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("rejected", "released", "Rejected: address on a sanctions list");
        browser.screenshot("26-withdrawal-rejected");

        browser.clickAndLoad(By.linkText("Audit log"));
        assertThat(browser.text(By.cssSelector("table.audit"))).contains("withdrawal.approve", "withdrawal.reject");
        browser.screenshot("27-audit-log-withdrawals");

        browser.clickAndLoad(By.linkText("Reviews"));
        browser.screenshot("28-reviews");
        browser.clickAndLoad(By.cssSelector("a[href='/admin/reviews/" + item.itemId() + "']"));
        assertThat(browser.text(By.cssSelector(".answers"))).contains("positive", "negative", item.labelers().get(1).toString());
        browser.screenshot("29-review");
        var label = browser.driver().findElement(By.cssSelector("#override textarea[name=label]"));
        label.clear();
        label.sendKeys("{\"value\": \"negative\"}");
        browser.type(By.cssSelector("#override input[name=note]"), "sarcasm");
        browser.clickAndLoad(By.cssSelector("#override button"));
        assertThat(browser.currentUrl()).endsWith("/admin/reviews/" + item.itemId());
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("decided", "negative", "sarcasm", admin.id().toString());
        browser.screenshot("30-review-decided");
    }
}
