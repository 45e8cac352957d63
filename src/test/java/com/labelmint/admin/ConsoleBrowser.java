package com.labelmint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver (no browser or driver downloads), with a fresh
 * profile, pointed at the application under test; screenshots go to target/screenshots/.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final URL root;
    private final Path profile;
    private final WebDriver driver;

    private ConsoleBrowser(URL root, Path profile, WebDriver driver) {
        this.root = root;
        this.profile = profile;
        this.driver = driver;
    }

    static ConsoleBrowser start(URL root) throws IOException {
        // a missing browser fails the test loudly: scripts/test.sh installs it, and a skipped browser test proves nothing
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is missing: apt-get install -y chromium chromium-driver").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver is missing: apt-get install -y chromium-driver").isTrue();
        Path profile = Files.createTempDirectory("labelmint-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(root, profile, driver);
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
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Signs in at the console's sign-in page with the admin's next TOTP code and lands on the dashboard. */
    void signIn(ConsoleFixtures.Admin admin) throws Exception {
        open("admin/login");
        type(By.name("email"), admin.email());
        type(By.name("password"), com.labelmint.testing.TestAccounts.PASSWORD);
        type(By.name("totpCode"), admin.code());
        clickAndLoad(By.cssSelector("form[action='/admin/login'] button"));
        assertThat(currentUrl()).as(driver::getPageSource).endsWith("/admin");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
