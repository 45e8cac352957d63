package com.labelmint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.HeadlessChromium;
import com.labelmint.testing.TestAccounts;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A desktop {@link HeadlessChromium} pointed at the console under test, with the steps every console test takes. */
final class ConsoleBrowser implements AutoCloseable {

    private final URL root;
    private final HeadlessChromium chromium;
    private final WebDriver driver;

    private ConsoleBrowser(URL root, HeadlessChromium chromium) {
        this.root = root;
        this.chromium = chromium;
        this.driver = chromium.driver();
    }

    static ConsoleBrowser start(URL root) throws IOException {
        return new ConsoleBrowser(root, HeadlessChromium.desktop());
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(root.toString() + path);
    }

    /**
     * Clicks something that loads another page and waits until it has: a click returns before the navigation it
     * starts, and on a loaded machine the old page is still there for a while.
     */
    void clickAndLoad(By target) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.stalenessOf(leaving));
        wait.until(loaded -> "complete".equals(((JavascriptExecutor) loaded).executeScript("return document.readyState")));
    }

    /**
     * Clicks something on the page as it is now. Right after a page load Chromium may still answer with a node of the
     * page being replaced ("Node with given id does not belong to the document", seen once in CI): found again and
     * clicked again, until the element belongs to the loaded page.
     */
    void click(By target) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(clicked -> {
            try {
                driver.findElement(target).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    void type(By field, String text) {
        driver.findElement(field).sendKeys(text);
    }

    String text(By element) {
        return driver.findElement(element).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    /** Signs in at the console's sign-in page with the admin's next TOTP code and lands on the dashboard. */
    void signIn(ConsoleFixtures.Admin admin) throws Exception {
        open("admin/login");
        type(By.name("email"), admin.email());
        type(By.name("password"), TestAccounts.PASSWORD);
        type(By.name("totpCode"), admin.code());
        clickAndLoad(By.cssSelector("form[action='/admin/login'] button"));
        assertThat(currentUrl()).as(driver::getPageSource).endsWith("/admin");
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
