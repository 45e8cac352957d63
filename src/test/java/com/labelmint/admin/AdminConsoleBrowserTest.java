package com.labelmint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console end to end in a real browser ({@link ConsoleBrowser}): sign in with a TOTP code, find a labeler, ban
 * them after the confirmation step, find the ban in the audit log, and uphold a labeler's dispute. Each page is
 * saved under target/screenshots/, the dashboard also at a phone's size.
 */
@QuarkusTest
class AdminConsoleBrowserTest {

    @Inject
    DataSource dataSource;

    @Inject
    ItemDecisions decisions;

    @TestHTTPResource("/")
    URL root;

    private ConsoleBrowser browser;

    @BeforeEach
    void startChromium() throws IOException {
        browser = ConsoleBrowser.start(root);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminSignsInWithTotpBansALabelerSeesTheAuditEntryAndDecidesADispute() throws Exception {
        DecisionFixtures.OpenDispute dispute = DecisionFixtures.rejectedAnswerDisputed(dataSource, decisions, "Sarcasm: it is negative");
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String name = "Browser Labeler " + UUID.randomUUID().toString().substring(0, 8);
        Person labeler = TestAccounts.signedIn("labeler");
        ConsoleFixtures.sql(dataSource, "UPDATE users.account SET display_name = ? WHERE id = ?", name, labeler.id());

        browser.open("admin");
        assertThat(browser.currentUrl()).endsWith("/admin/login");
        browser.screenshot("01-sign-in");
        browser.signIn(admin);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
        assertThat(browser.text(By.cssSelector(".tiles"))).contains("labelers active now", "in escrow");
        browser.screenshot("02-dashboard");

        browser.clickAndLoad(By.linkText("Users"));
        browser.type(By.name("q"), name);
        browser.clickAndLoad(By.cssSelector("form.filters button"));
        browser.screenshot("03-users-search");
        browser.clickAndLoad(By.linkText(name));
        assertThat(browser.currentUrl()).endsWith("/admin/users/" + labeler.id());
        browser.screenshot("04-user-profile");

        browser.type(By.cssSelector("#ban input[name=reason]"), "answers copied from another labeler");
        browser.clickAndLoad(By.cssSelector("#ban button"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Are you sure?");
        assertThat(browser.text(By.cssSelector(".question"))).contains(name, "answers copied");
        browser.screenshot("05-ban-confirmation");
        browser.clickAndLoad(By.cssSelector("button.danger"));
        assertThat(browser.currentUrl()).endsWith("/admin/users/" + labeler.id());
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("banned until");
        browser.screenshot("06-user-banned");

        browser.clickAndLoad(By.linkText("Admin actions on this account"));
        assertThat(browser.text(By.cssSelector("table.audit")))
                .contains("user.ban", "answers copied from another labeler", admin.id().toString(), labeler.id().toString());
        browser.screenshot("07-audit-log");

        browser.clickAndLoad(By.linkText("Disputes"));
        browser.screenshot("08-disputes");
        browser.clickAndLoad(By.cssSelector("a[href='/admin/disputes/" + dispute.id() + "']"));
        assertThat(browser.text(By.cssSelector(".answers"))).contains("positive", "negative");
        browser.screenshot("09-dispute");
        browser.click(By.cssSelector("#decide input[value=upheld]"));
        browser.type(By.cssSelector("#decide textarea[name=note]"), "Sarcasm; negative is right");
        browser.clickAndLoad(By.cssSelector("#decide button"));
        assertThat(browser.currentUrl()).endsWith("/admin/disputes/" + dispute.id());
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("upheld", "Sarcasm; negative is right");
        browser.screenshot("10-dispute-upheld");

        browser.resize(390, 844);
        browser.open("admin");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
        browser.screenshot("11-dashboard-phone");
        browser.open("admin/users/" + labeler.id());
        browser.screenshot("12-user-phone");

        browser.clickAndLoad(By.cssSelector("form.signout button"));
        assertThat(browser.currentUrl()).endsWith("/admin/login");
        browser.open("admin/users");
        assertThat(browser.currentUrl()).as("signed out: back to sign-in").endsWith("/admin/login");
    }
}
