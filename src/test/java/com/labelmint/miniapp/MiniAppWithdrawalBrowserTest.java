package com.labelmint.miniapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.payments.HotWalletMoney;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.withdrawal.WithdrawalProfile;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.HeadlessChromium;
import com.labelmint.testing.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A labeler withdraws from the Mini App, in headless Chromium as a phone, with a hot wallet configured (the sender
 * does not run: the withdrawal stays queued). Too small an amount is refused with the server's reason and holds
 * nothing; a withdrawal submitted twice at once (one key for both) is made once.
 */
@QuarkusTest
@TestProfile(WithdrawalProfile.class)
class MiniAppWithdrawalBrowserTest {

    private static final String ADDRESS = "0:" + "3c".repeat(32);

    @Inject
    DataSource dataSource;
    @Inject
    LedgerAccounts accounts;
    @Inject
    Ledger ledger;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aLabelerWithdrawsOnceFromTheWalletViewAndIsToldWhatIsRefused() throws Exception {
        long telegramId = TelegramLaunch.newTelegramUser();
        UUID labeler = accountOf(telegramId);
        HotWalletMoney.deposit(dataSource, accounts, ledger, labeler, "10");
        try {
            withdrawTwiceAtOnceAfterARefusal(telegramId, labeler);
        } finally {
            rejectWhatIsLeftQueued(labeler);
        }
    }

    private void withdrawTwiceAtOnceAfterARefusal(long telegramId, UUID labeler) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.phone(390, 844)) {
            WebDriver browser = chromium.driver();
            browser.get(TelegramLaunch.url(root, telegramId));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tab[data-view='wallet']"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("withdraw-form")));
            assertThat(browser.findElement(By.id("wallet")).getText()).contains("10.00 USDT", "No withdrawals yet.");

            fill(browser, "0.5", ADDRESS);
            browser.findElement(By.id("withdraw-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(browser.findElement(By.id("error")).getText()).contains("The smallest withdrawal is 1");
            assertThat(withdrawals(labeler)).isZero();

            fill(browser, "4,5", ADDRESS); // a decimal comma, as phones in many languages type it
            ((JavascriptExecutor) browser).executeScript(
                    "var form = document.getElementById('withdraw-form'); form.requestSubmit(); form.requestSubmit();");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#withdrawals li[data-status='queued']")));
            chromium.screenshot("miniapp-11-withdrawal-queued");

            assertThat(browser.findElements(By.cssSelector("#withdrawals li"))).hasSize(1);
            assertThat(browser.findElement(By.id("withdrawals")).getText()).contains("queued", "0:3c3c", "−4.50 USDT");
            assertThat(browser.findElement(By.cssSelector(".balance")).getText()).contains("5.50 USDT", "held 4.50 USDT");
        }
        assertThat(withdrawals(labeler)).as("submitted twice with one key: made once").isEqualTo(1);
        assertThat(QueueFixtures.count(dataSource, "SELECT amount FROM payments.withdrawal WHERE user_id = ? AND address_raw = ?",
                labeler, ADDRESS)).isEqualTo(4_500_000L);
    }

    /** The other tests of this profile send whatever is queued, step by step: they must not find this test's withdrawal. */
    private void rejectWhatIsLeftQueued(UUID labeler) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM payments.withdrawal WHERE user_id = ? AND status IN ('queued', 'awaiting_approval', 'approved')")) {
            query.setObject(1, labeler);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    given().auth().oauth2(TestAccounts.admin(dataSource).accessToken()).contentType(ContentType.JSON)
                            .body(Map.of("reason", "test over")).post("/api/v1/admin/withdrawals/" + rows.getObject(1) + "/rejection")
                            .then().statusCode(200);
                }
            }
        }
    }

    private static void fill(WebDriver browser, String amount, String address) {
        for (Map.Entry<String, String> field : Map.of("withdraw-amount", amount, "withdraw-address", address).entrySet()) {
            WebElement input = browser.findElement(By.id(field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
        }
    }

    private long withdrawals(UUID labeler) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.withdrawal WHERE user_id = ?", labeler);
    }

    /** Signs in as the Telegram user once, which creates their labeler account, and returns its id. */
    private static UUID accountOf(long telegramId) {
        String access = given().contentType(ContentType.JSON).body(Map.of("initData", TelegramLaunch.initData(telegramId)))
                .post("/api/v1/auth/telegram/webapp").then().statusCode(200).extract().jsonPath().getString("accessToken");
        return UUID.fromString(given().auth().oauth2(access).get("/api/v1/users/me").then().statusCode(200)
                .extract().jsonPath().getString("id"));
    }
}
