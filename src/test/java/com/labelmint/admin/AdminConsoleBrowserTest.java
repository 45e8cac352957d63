package com.labelmint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.testing.HeadlessChromium;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end in Debian's headless Chromium ({@link HeadlessChromium}): sign in with a TOTP code, find a
 * labeler, ban them after the confirmation step, find the ban in the audit log, and uphold a labeler's dispute. Each
 * page is saved under target/screenshots/, the dashboard also at a phone's size.
 */
@QuarkusTest
class AdminConsoleBrowserTest {

    @Inject
    DataSource dataSource;

    @Inject
    ItemDecisions decisions;

    @TestHTTPResource("/")
    URL root;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = HeadlessChromium.desktop();
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdminSignsInWithTotpBansALabelerSeesTheAuditEntryAndDecidesADispute() throws Exception {
        DisputeFixtures.OpenDispute dispute = DisputeFixtures.rejectedAnswerDisputed(dataSource, decisions, "Sarcasm: it is negative");
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String name = "Browser Labeler " + UUID.randomUUID().toString().substring(0, 8);
        Person labeler = TestAccounts.signedIn("labeler");
        ConsoleFixtures.sql(dataSource, "UPDATE users.account SET display_name = ? WHERE id = ?", name, labeler.id());

        open("admin");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        screenshot("01-sign-in");
        browser.findElement(By.name("email")).sendKeys(admin.email());
        browser.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.name("totpCode")).sendKeys(admin.code());
        clickAndLoad(By.cssSelector("form[action='/admin/login'] button"));
        assertThat(browser.getCurrentUrl()).as(() -> browser.getPageSource()).endsWith("/admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.cssSelector(".tiles")).getText()).contains("labelers active now", "in escrow");
        screenshot("02-dashboard");

        clickAndLoad(By.linkText("Users"));
        browser.findElement(By.name("q")).sendKeys(name);
        clickAndLoad(By.cssSelector("form.filters button"));
        screenshot("03-users-search");
        clickAndLoad(By.linkText(name));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users/" + labeler.id());
        screenshot("04-user-profile");

        browser.findElement(By.cssSelector("#ban input[name=reason]")).sendKeys("answers copied from another labeler");
        clickAndLoad(By.cssSelector("#ban button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Are you sure?");
        assertThat(browser.findElement(By.cssSelector(".question")).getText()).contains(name, "answers copied");
        screenshot("05-ban-confirmation");
        clickAndLoad(By.cssSelector("button.danger"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users/" + labeler.id());
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("banned until");
        screenshot("06-user-banned");

        clickAndLoad(By.linkText("Admin actions on this account"));
        String audit = browser.findElement(By.cssSelector("table.audit")).getText();
        assertThat(audit).contains("user.ban", "answers copied from another labeler", admin.id().toString(), labeler.id().toString());
        screenshot("07-audit-log");

        clickAndLoad(By.linkText("Disputes"));
        screenshot("08-disputes");
        clickAndLoad(By.cssSelector("a[href='/admin/disputes/" + dispute.id() + "']"));
        assertThat(browser.findElement(By.cssSelector(".answers")).getText()).contains("positive", "negative");
        screenshot("09-dispute");
        browser.findElement(By.cssSelector("#decide input[value=upheld]")).click();
        browser.findElement(By.cssSelector("#decide textarea[name=note]")).sendKeys("Sarcasm; negative is right");
        clickAndLoad(By.cssSelector("#decide button"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/disputes/" + dispute.id());
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("upheld", "Sarcasm; negative is right");
        screenshot("10-dispute-upheld");

        browser.manage().window().setSize(new Dimension(390, 844));
        open("admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        screenshot("11-dashboard-phone");
        open("admin/users/" + labeler.id());
        screenshot("12-user-phone");

        clickAndLoad(By.cssSelector("form.signout button"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        open("admin/users");
        assertThat(browser.getCurrentUrl()).as("signed out: back to sign-in").endsWith("/admin/login");
    }

    /**
     * Clicks something that loads another page and waits until it has: a click returns before the navigation it
     * starts, and on a loaded machine the old page is still there for a while.
     */
    private void clickAndLoad(By target) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.stalenessOf(leaving));
        wait.until(loaded -> "complete".equals(((JavascriptExecutor) loaded).executeScript("return document.readyState")));
    }

    private void open(String path) {
        browser.get(root.toString() + path);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
